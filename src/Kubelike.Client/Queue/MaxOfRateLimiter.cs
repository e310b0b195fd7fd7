namespace Kubelike.Client.Queue;

/// <summary>The longest delay of several limiters (every one of them counts the attempt).</summary>
public sealed class MaxOfRateLimiter<T>(params IRateLimiter<T>[] limiters) : IRateLimiter<T>
{
    public TimeSpan NextDelay(T item)
    {
        var delay = TimeSpan.Zero;
        foreach (var limiter in limiters)
        {
            var next = limiter.NextDelay(item);
            if (next > delay)
                delay = next;
        }

        return delay;
    }

    public void Forget(T item)
    {
        foreach (var limiter in limiters)
            limiter.Forget(item);
    }

    public int NumRequeues(T item) => limiters.Max(l => l.NumRequeues(item));
}
