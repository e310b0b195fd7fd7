namespace Kubelike.Client.Watch;

/// <summary>Query parameters of a watch.</summary>
public sealed record WatchParameters
{
    public string? LabelSelector { get; init; }

    public string? FieldSelector { get; init; }

    /// <summary>Events after this revision; unset or <c>0</c> starts with the current state as ADDED events.</summary>
    public string? ResourceVersion { get; init; }

    /// <summary>Ask for BOOKMARK events, which carry only a newer resourceVersion to resume from.</summary>
    public bool AllowWatchBookmarks { get; init; }

    /// <summary>The server ends the watch after this long (cleanly: the stream just ends).</summary>
    public int? TimeoutSeconds { get; init; }
}
