namespace Kubelike.Client.Watch;

/// <summary>The <c>type</c> of a watch event. ERROR events are not yielded: they end the watch with an exception.</summary>
public enum WatchEventType
{
    Added,
    Modified,
    Deleted,

    /// <summary>Progress: only the object's resourceVersion is meaningful.</summary>
    Bookmark,
}
