namespace Kubelike.ApiServer.Authorization;

/// <summary>An authorizer's answer: allowed, denied, or no opinion (the next authorizer decides), with a reason.</summary>
public readonly record struct AuthorizationDecision(AuthorizationOutcome Outcome, string Reason = "")
{
    public static AuthorizationDecision Allow(string reason = "") => new(AuthorizationOutcome.Allow, reason);

    public static AuthorizationDecision Deny(string reason = "") => new(AuthorizationOutcome.Deny, reason);

    public static AuthorizationDecision NoOpinion(string reason = "") => new(AuthorizationOutcome.NoOpinion, reason);

    public bool IsAllowed => Outcome == AuthorizationOutcome.Allow;
}
