namespace Kubelike.Client.Queue;

/// <summary>
/// A <see cref="WorkQueue{T}"/> with retries paced by an <see cref="IRateLimiter{T}"/> (by default client-go's
/// controller limiter: per key 5 ms doubling to 1000 s, and at most 10 retries per second overall after a burst of 100).
/// A worker calls <see cref="AddRateLimited"/> after a failure and <see cref="Forget"/> after a success.
/// </summary>
public sealed class RateLimitingWorkQueue<T>(IRateLimiter<T>? rateLimiter = null, TimeProvider? time = null) : WorkQueue<T>(time)
    where T : notnull
{
    private readonly IRateLimiter<T> _rateLimiter = rateLimiter ?? RateLimiters.DefaultController<T>(time);

    /// <summary>Queues the item again after the limiter's delay (which grows with each call until <see cref="Forget"/>).</summary>
    public void AddRateLimited(T item) => AddAfter(item, _rateLimiter.NextDelay(item));

    /// <summary>Resets the item's backoff. It does not remove the item from the queue.</summary>
    public void Forget(T item) => _rateLimiter.Forget(item);

    public int NumRequeues(T item) => _rateLimiter.NumRequeues(item);
}
