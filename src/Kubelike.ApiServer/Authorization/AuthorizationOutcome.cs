namespace Kubelike.ApiServer.Authorization;

public enum AuthorizationOutcome
{
    NoOpinion,
    Allow,
    Deny,
}
