namespace Kubelike.Client.Queue;

/// <summary>Decides how long an item waits before it is processed again.</summary>
public interface IRateLimiter<in T>
{
    /// <summary>The delay before the next attempt at <paramref name="item"/> (and counts the attempt).</summary>
    TimeSpan NextDelay(T item);

    /// <summary>Forgets the item's failures: it succeeded, or it is being given up on.</summary>
    void Forget(T item);

    /// <summary>How many times the item has been retried since it was last forgotten.</summary>
    int NumRequeues(T item);
}
