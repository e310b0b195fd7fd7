using Google.Protobuf;

namespace Kubelike.Node.Cri.Grpc;

/// <summary>A unary gRPC method: its path (<c>/package.Service/Method</c>) and how to read its response.</summary>
public sealed class GrpcMethod<TRequest, TResponse>(string serviceName, string name, MessageParser<TResponse> responseParser)
    where TRequest : IMessage<TRequest>
    where TResponse : IMessage<TResponse>
{
    /// <summary>The fully qualified service, e.g. <c>runtime.v1.RuntimeService</c>.</summary>
    public string ServiceName { get; } = serviceName;

    public string Name { get; } = name;

    public string Path { get; } = $"/{serviceName}/{name}";

    public MessageParser<TResponse> ResponseParser { get; } = responseParser;

    public override string ToString() => Path;
}
