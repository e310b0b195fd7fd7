namespace Kubelike.Client.Configuration;

/// <summary>Where the bearer token of each request comes from.</summary>
public abstract class TokenSource
{
    /// <summary>The token to send now, or null to send none.</summary>
    public abstract string? GetToken();
}
