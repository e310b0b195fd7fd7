namespace Kubelike.Storage;

public enum WatchEventType
{
    Added,
    Modified,
    Deleted,

    /// <summary>Every event at or below <see cref="WatchEvent.Revision"/> has been delivered (a bookmark).</summary>
    Progress,
}
