namespace Kubelike.Client.Informers;

/// <summary>
/// Receives an informer's changes, in order, one call at a time per handler. Calls come from the informer's
/// delivery task: return quickly (hand keys to a work queue) rather than doing the work here.
/// </summary>
public interface IResourceEventHandler<in T>
{
    /// <param name="obj">The new object.</param>
    /// <param name="isInInitialList">Whether it came from the informer's first list rather than a later change.</param>
    void OnAdd(T obj, bool isInInitialList);

    /// <summary>A change, a relist or a periodic resync (then <paramref name="oldObj"/> and <paramref name="newObj"/> have the same resourceVersion).</summary>
    void OnUpdate(T oldObj, T newObj);

    /// <param name="obj">The deleted object's last state.</param>
    /// <param name="finalStateUnknown">
    /// True for a tombstone: the deletion happened while the watch was down and was found by a relist, so
    /// <paramref name="obj"/> is the last state the cache saw, not necessarily the final one.
    /// </param>
    void OnDelete(T obj, bool finalStateUnknown);
}
