namespace Kubelike.Client.Configuration;

/// <summary>A token that never changes (kubeconfig <c>token</c>).</summary>
public sealed class StaticTokenSource(string token) : TokenSource
{
    public override string? GetToken() => token;
}
