namespace Kubelike.ApiServer.Authentication;

/// <summary>Who made a request, as the authorizer and audit see it.</summary>
public sealed record UserInfo(string Name, string Uid, IReadOnlyList<string> Groups)
{
    public const string AuthenticatedGroup = "system:authenticated";
}
