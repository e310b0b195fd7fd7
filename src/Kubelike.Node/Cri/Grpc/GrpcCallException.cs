namespace Kubelike.Node.Cri.Grpc;

/// <summary>
/// A gRPC call that ended with a status other than OK: the status the server sent (or the one the client
/// derived, e.g. <see cref="GrpcStatusCode.DeadlineExceeded"/> when the deadline passed first, or
/// <see cref="GrpcStatusCode.Unavailable"/> when the socket could not be reached).
/// </summary>
public sealed class GrpcCallException(string method, GrpcStatusCode statusCode, string detail, Exception? innerException = null)
    : Exception($"{method}: {statusCode}: {detail}", innerException)
{
    /// <summary>The called method's path, e.g. <c>/runtime.v1.RuntimeService/Version</c>.</summary>
    public string Method { get; } = method;

    public GrpcStatusCode StatusCode { get; } = statusCode;

    /// <summary>The server's <c>grpc-message</c>, decoded, or the client's own description.</summary>
    public string Detail { get; } = detail;
}
