namespace Kubelike.Client.Rest;

/// <summary>Query parameters of a pod's log (the API's PodLogOptions).</summary>
public sealed record PodLogParameters
{
    /// <summary>The container; may be left out when the pod has only one.</summary>
    public string? Container { get; init; }

    /// <summary>Keep the stream open and receive new lines as the container writes them.</summary>
    public bool Follow { get; init; }

    /// <summary>The log of the container's previous (terminated) instance.</summary>
    public bool Previous { get; init; }

    /// <summary>Prefix every line with its RFC 3339 timestamp.</summary>
    public bool Timestamps { get; init; }

    public long? TailLines { get; init; }

    public long? LimitBytes { get; init; }

    public long? SinceSeconds { get; init; }

    public DateTimeOffset? SinceTime { get; init; }
}
