namespace Kubelike.ApiServer.Authentication;

/// <summary>Credentials were presented but are not valid (answered 401, never a 500).</summary>
public sealed class AuthenticationFailedException(string message) : Exception(message);
