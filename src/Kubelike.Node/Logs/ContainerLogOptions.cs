namespace Kubelike.Node.Logs;

/// <summary>What a reader of a container log asked for: the PodLogOptions the kubelet honours.</summary>
public sealed record ContainerLogOptions
{
    public bool Follow { get; init; }

    public bool Previous { get; init; }

    public bool Timestamps { get; init; }

    /// <summary>Only the last N lines (null: all).</summary>
    public long? TailLines { get; init; }

    /// <summary>Stop after this many bytes of output (null: no limit).</summary>
    public long? LimitBytes { get; init; }

    /// <summary>Only lines logged at or after this time (from sinceSeconds or sinceTime).</summary>
    public DateTimeOffset? Since { get; init; }
}
