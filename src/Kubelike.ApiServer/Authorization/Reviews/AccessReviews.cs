using System.Text.Json;
using System.Text.Json.Nodes;
using Kubelike.Api;
using Kubelike.Api.Authorization.V1;
using Kubelike.ApiMachinery.Errors;
using Kubelike.ApiServer.Authentication;
using Kubelike.ApiServer.Authorization.Rbac;

namespace Kubelike.ApiServer.Authorization.Reviews;

/// <summary>
/// The authorization.k8s.io/v1 reviews, answered from the authorizer and never stored: SelfSubjectAccessReview
/// (<c>kubectl auth can-i</c>), SubjectAccessReview, LocalSubjectAccessReview and SelfSubjectRulesReview
/// (<c>kubectl auth can-i --list</c>); and authentication.k8s.io's SelfSubjectReview (<c>kubectl auth whoami</c>).
/// </summary>
public sealed class AccessReviews(RequestAuthorizer authorizer, RuleResolver resolver)
{
    public const string AuthorizationGroup = "authorization.k8s.io";
    public const string AuthenticationGroup = "authentication.k8s.io";

    public static bool Handles(string group, string plural) =>
        (group == AuthorizationGroup && plural is "selfsubjectaccessreviews" or "subjectaccessreviews" or "localsubjectaccessreviews" or "selfsubjectrulesreviews")
        || (group == AuthenticationGroup && plural == "selfsubjectreviews");

    /// <summary>The review with its status filled in (the body of the 201).</summary>
    public async ValueTask<JsonObject> ReviewAsync(string plural, string ns, JsonObject body, UserInfo requester, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var spec = body["spec"] as JsonObject ?? [];
        JsonNode status = plural switch
        {
            "selfsubjectaccessreviews" => await AccessAsync(Kind(plural), spec, requester, "", cancellationToken),
            "subjectaccessreviews" => await AccessAsync(Kind(plural), spec, Subject(Kind(plural), spec), "", cancellationToken),
            "localsubjectaccessreviews" => await AccessAsync(Kind(plural), spec, Subject(Kind(plural), spec), ns, cancellationToken),
            "selfsubjectrulesreviews" => Rules(spec, requester),
            "selfsubjectreviews" => new JsonObject { ["userInfo"] = UserJson(requester) },
            _ => throw new ArgumentOutOfRangeException(nameof(plural), plural, null),
        };
        var metadata = body["metadata"] as JsonObject ?? [];
        metadata["creationTimestamp"] = null;
        var result = new JsonObject
        {
            ["kind"] = Kind(plural),
            ["apiVersion"] = (plural == "selfsubjectreviews" ? AuthenticationGroup : AuthorizationGroup) + "/v1",
            ["metadata"] = metadata.DeepClone(),
        };
        if (plural != "selfsubjectreviews")
            result["spec"] = spec.DeepClone();
        result["status"] = status;
        return result;
    }

    private async ValueTask<JsonNode> AccessAsync(string kind, JsonObject spec, UserInfo user, string localNamespace, CancellationToken cancellationToken)
    {
        var resource = spec["resourceAttributes"]?.Deserialize<ResourceAttributes>(KubernetesJson.Options);
        var nonResource = spec["nonResourceAttributes"]?.Deserialize<NonResourceAttributes>(KubernetesJson.Options);
        if (resource is null && nonResource is null)
            throw ApiException.Invalid(AuthorizationGroup, kind, "", [FieldError.Required("spec.resourceAttributes", "one of resourceAttributes or nonResourceAttributes must be specified")]);
        if (resource is not null && nonResource is not null)
            throw ApiException.Invalid(AuthorizationGroup, kind, "", [FieldError.Invalid("spec.nonResourceAttributes", "", "cannot be specified in combination with resourceAttributes")]);
        if (kind == "LocalSubjectAccessReview")
        {
            if (resource is null)
                throw ApiException.Invalid(AuthorizationGroup, kind, "", [FieldError.Invalid("spec.nonResourceAttributes", "", "disallowed on this kind of request")]);
            if ((resource.Namespace ?? "") != localNamespace)
                throw ApiException.BadRequest($"spec.resourceAttributes.namespace must match namespace: {localNamespace}");
        }
        var attributes = resource is not null
            ? new AuthorizationAttributes
            {
                User = user,
                Verb = resource.Verb ?? "",
                IsResourceRequest = true,
                Group = resource.Group ?? "",
                Version = resource.Version ?? "",
                Resource = resource.Resource ?? "",
                Subresource = resource.Subresource ?? "",
                Name = resource.Name ?? "",
                Namespace = resource.Namespace ?? "",
            }
            : new AuthorizationAttributes { User = user, Verb = nonResource!.Verb ?? "", Path = nonResource.Path ?? "" };
        var decision = await authorizer.AuthorizeAsync(attributes, cancellationToken);
        var status = new JsonObject { ["allowed"] = decision.IsAllowed };
        if (decision.Outcome == AuthorizationOutcome.Deny)
            status["denied"] = true;
        if (decision.Reason.Length > 0)
            status["reason"] = decision.Reason;
        return status;
    }

    private JsonObject Rules(JsonObject spec, UserInfo user)
    {
        var ns = spec["namespace"]?.GetValue<string>() ?? "";
        var resourceRules = new JsonArray();
        var nonResourceRules = new JsonArray();
        var (rules, errors) = resolver.RulesFor(user, ns);
        foreach (var rule in rules)
        {
            if (rule.NonResourceURLs is { Count: > 0 })
                nonResourceRules.Add(new JsonObject { ["verbs"] = Strings(rule.Verbs), ["nonResourceURLs"] = Strings(rule.NonResourceURLs) });
            else
            {
                var converted = new JsonObject { ["verbs"] = Strings(rule.Verbs) };
                if (rule.ApiGroups is { Count: > 0 })
                    converted["apiGroups"] = Strings(rule.ApiGroups);
                if (rule.Resources is { Count: > 0 })
                    converted["resources"] = Strings(rule.Resources);
                if (rule.ResourceNames is { Count: > 0 })
                    converted["resourceNames"] = Strings(rule.ResourceNames);
                resourceRules.Add(converted);
            }
        }
        var status = new JsonObject { ["resourceRules"] = resourceRules, ["nonResourceRules"] = nonResourceRules, ["incomplete"] = errors.Count > 0 };
        if (errors.Count > 0)
            status["evaluationError"] = RbacAuthorizer.Aggregate(errors);
        return status;
    }

    private static UserInfo Subject(string kind, JsonObject spec)
    {
        var name = spec["user"]?.GetValue<string>() ?? "";
        var groups = spec["groups"] is JsonArray array ? array.Select(g => g?.GetValue<string>() ?? "").ToList() : [];
        if (name.Length == 0 && groups.Count == 0)
            throw ApiException.Invalid(AuthorizationGroup, kind, "", [FieldError.Invalid("spec.user", "", "at least one of user or group must be specified")]);
        return new UserInfo(name, spec["uid"]?.GetValue<string>() ?? "", groups);
    }

    private static JsonObject UserJson(UserInfo user)
    {
        var info = new JsonObject { ["username"] = user.Name };
        if (user.Uid.Length > 0)
            info["uid"] = user.Uid;
        info["groups"] = Strings(user.Groups);
        return info;
    }

    private static JsonArray Strings(IEnumerable<string>? values) => new([.. (values ?? []).Select(v => (JsonNode?)JsonValue.Create(v))]);

    private static string Kind(string plural) => plural switch
    {
        "selfsubjectaccessreviews" => "SelfSubjectAccessReview",
        "subjectaccessreviews" => "SubjectAccessReview",
        "localsubjectaccessreviews" => "LocalSubjectAccessReview",
        "selfsubjectrulesreviews" => "SelfSubjectRulesReview",
        _ => "SelfSubjectReview",
    };
}
