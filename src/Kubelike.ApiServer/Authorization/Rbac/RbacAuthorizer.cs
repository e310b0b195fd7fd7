namespace Kubelike.ApiServer.Authorization.Rbac;

/// <summary>
/// RBAC: allowed when a rule of a binding naming the user covers the request; otherwise no opinion (the chain then
/// denies), with the resolution errors as the reason (<c>RBAC: clusterrole.rbac.authorization.k8s.io "x" not found</c>).
/// </summary>
public sealed class RbacAuthorizer(RuleResolver resolver) : IAuthorizer
{
    public AuthorizationDecision Authorize(AuthorizationAttributes attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        string? allowedBy = null;
        List<string>? errors = null;
        resolver.VisitRulesFor(attributes.User, attributes.Namespace, (source, rule, error) =>
        {
            if (error is not null)
                (errors ??= []).Add(error);
            else if (rule is not null && PolicyRules.Allows(rule, attributes))
            {
                allowedBy = source?.ToString() ?? "";
                return false;
            }
            return true;
        });
        if (allowedBy is not null)
            return AuthorizationDecision.Allow($"RBAC: allowed by {allowedBy}");
        return AuthorizationDecision.NoOpinion(errors is null ? "" : $"RBAC: {Aggregate(errors)}");
    }

    /// <summary>Upstream's aggregate error text: the one message, or <c>[a, b]</c>.</summary>
    public static string Aggregate(IReadOnlyList<string> errors) =>
        errors.Count == 1 ? errors[0] : $"[{string.Join(", ", errors)}]";
}
