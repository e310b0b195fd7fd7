namespace Kubelike.Node.Cri.Grpc;

/// <summary>Limits of a <see cref="UnixSocketGrpcChannel"/>.</summary>
public sealed record GrpcChannelOptions
{
    /// <summary>
    /// The deadline of a call that names none (the kubelet's default runtime request timeout is 2 minutes).
    /// <see cref="Timeout.InfiniteTimeSpan"/> means no deadline.
    /// </summary>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How long connecting to the socket may take before the call fails with Unavailable.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The largest response message accepted (the kubelet allows 16 MiB).</summary>
    public int MaxReceiveMessageSize { get; init; } = 16 * 1024 * 1024;
}
