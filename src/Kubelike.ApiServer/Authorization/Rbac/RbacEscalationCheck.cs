using System.Text.Json;
using System.Text.Json.Nodes;
using Kubelike.Api;
using Kubelike.Api.Rbac.V1;
using Kubelike.ApiMachinery.Errors;
using Kubelike.ApiServer.Admission;
using Kubelike.ApiServer.Authentication;

namespace Kubelike.ApiServer.Authorization.Rbac;

/// <summary>
/// Escalation prevention, as upstream's RBAC storage does it: writing a Role or ClusterRole needs the <c>escalate</c>
/// verb on it or holding every rule it grants; writing a binding needs <c>bind</c> on the role it refers to or holding
/// every rule of that role. A ClusterRole with an aggregationRule needs cluster-admin's powers. system:masters is exempt.
/// </summary>
public sealed class RbacEscalationCheck(RequestAuthorizer authorizer, RuleResolver resolver) : IValidatingAdmissionPlugin
{
    private static readonly PolicyRule[] FullAuthority =
    [
        new() { Verbs = ["*"], ApiGroups = ["*"], Resources = ["*"] },
        new() { Verbs = ["*"], NonResourceURLs = ["*"] },
    ];

    public string Name => "RBACEscalation";

    public async ValueTask ValidateAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Resource.Group != PolicyRules.Group || request.Subresource.Length > 0 || request.NewObject is null
            || request.Operation is not (AdmissionOperation.Create or AdmissionOperation.Update)
            || PrivilegedGroupAuthorizer.IsPrivileged(request.User))
            return;
        var plural = request.Resource.Plural;
        var ns = request.Resource.Namespaced ? request.Namespace : "";
        switch (plural)
        {
            case "roles" or "clusterroles":
                if (request.OldObject is not null && OnlyGarbageCollectionFieldsChange(request.NewObject, request.OldObject))
                    return;
                if (await AllowedAsync(request.User, "escalate", plural, request.Name, ns, cancellationToken))
                    return;
                var rules = Rules(request.NewObject);
                Confirm(request, ns, rules, null);
                if (plural == "clusterroles" && request.NewObject["aggregationRule"] is JsonObject)
                    Confirm(request, "", FullAuthority, "must have cluster-admin privileges to use the aggregationRule");
                return;
            case "rolebindings" or "clusterrolebindings":
                if (request.OldObject is not null && OnlyGarbageCollectionFieldsChange(request.NewObject, request.OldObject))
                    return;
                var roleRef = request.NewObject["roleRef"]?.Deserialize<RoleRef>(KubernetesJson.Options);
                var roleResource = roleRef?.Kind == "Role" ? "roles" : "clusterroles";
                if (await AllowedAsync(request.User, "bind", roleResource, roleRef?.Name ?? "", ns, cancellationToken))
                    return;
                var (roleRules, error) = resolver.RoleReferenceRules(roleRef, ns);
                if (error is not null)
                    throw ApiException.Forbidden(request.Resource.Group, plural, request.Name, error);
                Confirm(request, ns, roleRules, null);
                return;
        }
    }

    private async ValueTask<bool> AllowedAsync(UserInfo user, string verb, string resource, string name, string ns, CancellationToken cancellationToken)
    {
        var decision = await authorizer.AuthorizeAsync(new AuthorizationAttributes
        {
            User = user,
            Verb = verb,
            IsResourceRequest = true,
            Group = PolicyRules.Group,
            Resource = resource,
            Name = name,
            Namespace = ns,
        }, cancellationToken);
        return decision.IsAllowed;
    }

    private void Confirm(AdmissionRequest request, string ns, IEnumerable<PolicyRule> rules, string? message)
    {
        var (held, errors) = resolver.RulesFor(request.User, ns);
        var missing = RuleCoverage.Missing(held, rules);
        if (missing.Count == 0)
            return;
        if (message is null)
        {
            var groups = string.Join(" ", request.User.Groups.Select(RuleSource.Quote));
            message = $"user {RuleSource.Quote(request.User.Name)} (groups=[{groups}]) is attempting to grant RBAC permissions not currently held:\n"
                + string.Join("\n", RuleCoverage.Describe(missing));
            if (errors.Count > 0)
                message += $"; resolution errors: [{string.Join(" ", errors)}]";
        }
        throw ApiException.Forbidden(request.Resource.Group, request.Resource.Plural, request.Name, message);
    }

    private static List<PolicyRule> Rules(JsonObject obj) =>
        obj["rules"]?.Deserialize<List<PolicyRule>>(KubernetesJson.Options) ?? [];

    /// <summary>Upstream lets an update through unchecked when it only touches what garbage collection needs.</summary>
    private static bool OnlyGarbageCollectionFieldsChange(JsonObject updated, JsonObject current)
    {
        static JsonObject Strip(JsonObject obj)
        {
            var copy = (JsonObject)obj.DeepClone();
            if (copy["metadata"] is JsonObject metadata)
            {
                foreach (var field in new[] { "ownerReferences", "finalizers", "resourceVersion", "managedFields", "generation" })
                    metadata.Remove(field);
            }
            return copy;
        }
        return JsonNode.DeepEquals(Strip(updated), Strip(current));
    }
}
