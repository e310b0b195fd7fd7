namespace Kubelike.Node.Logs;

/// <summary>Why a container's log cannot be read, with the HTTP status the node answers.</summary>
public sealed class ContainerLogException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}
