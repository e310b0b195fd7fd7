namespace Kubelike.Client.Informers;

/// <summary>What an informer lists and watches, and how it paces itself.</summary>
public sealed record InformerOptions
{
    /// <summary>The namespace to watch; null for all namespaces.</summary>
    public string? Namespace { get; init; }

    public string? LabelSelector { get; init; }

    public string? FieldSelector { get; init; }

    /// <summary>How often every cached object is re-delivered as an update; zero for never.</summary>
    public TimeSpan ResyncPeriod { get; init; } = TimeSpan.Zero;

    /// <summary>Items per list request.</summary>
    public int PageSize { get; init; } = 500;

    /// <summary>Each watch asks the server to end it after a random time between this and twice this (client-go: 5 min).</summary>
    public TimeSpan MinWatchTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The first delay after a failed list or watch; it doubles up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(800);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);
}
