namespace Kubelike.ApiServer.Authorization;

/// <summary>
/// The authorization chain: each mode in order until one allows or denies; when none does, the request is denied
/// with the reasons the modes gave (as upstream's union authorizer joins them).
/// </summary>
public sealed class UnionAuthorizer(IReadOnlyList<IAuthorizer> authorizers)
{
    public AuthorizationDecision Authorize(AuthorizationAttributes attributes)
    {
        List<string>? reasons = null;
        foreach (var authorizer in authorizers)
        {
            var decision = authorizer.Authorize(attributes);
            if (decision.Outcome != AuthorizationOutcome.NoOpinion)
                return decision;
            if (decision.Reason.Length > 0)
                (reasons ??= []).Add(decision.Reason);
        }
        return AuthorizationDecision.NoOpinion(reasons is null ? "" : string.Join("\n", reasons));
    }
}
