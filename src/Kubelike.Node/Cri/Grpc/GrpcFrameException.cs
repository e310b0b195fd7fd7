namespace Kubelike.Node.Cri.Grpc;

/// <summary>A response body that is not a valid sequence of gRPC frames, with the status the call ends with.</summary>
public sealed class GrpcFrameException(GrpcStatusCode statusCode, string message) : Exception(message)
{
    public GrpcStatusCode StatusCode { get; } = statusCode;
}
