namespace Kubelike.Storage;

/// <summary>
/// A running watch. Events arrive in strictly increasing revision order, none missing and none twice.
/// The enumeration ends with a <see cref="StorageException"/> (<see cref="StorageErrorCode.WatcherTooSlow"/>
/// or <see cref="StorageErrorCode.Expired"/>) when the store has to close it; disposing stops it.
/// </summary>
public interface IObjectWatch : IAsyncDisposable
{
    /// <summary>The revision the watch starts after.</summary>
    long StartRevision { get; }

    IAsyncEnumerable<WatchEvent> ReadAllAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Queue a <see cref="WatchEventType.Progress"/> event behind every event already queued for this watcher,
    /// so the progress revision never runs ahead of an undelivered event.
    /// </summary>
    void RequestProgress();
}
