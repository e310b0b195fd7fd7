namespace Kubelike.Client.Queue;

/// <summary>Per item: <c>baseDelay × 2^failures</c>, at most <c>maxDelay</c> (client-go's per-item limiter).</summary>
public sealed class ExponentialFailureRateLimiter<T>(TimeSpan baseDelay, TimeSpan maxDelay) : IRateLimiter<T>
    where T : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<T, int> _failures = [];

    public TimeSpan NextDelay(T item)
    {
        int exponent;
        lock (_gate)
        {
            exponent = _failures.GetValueOrDefault(item);
            _failures[item] = exponent + 1;
        }

        // Past 2^62 ticks the product overflows; long before that it is above any sensible maximum.
        if (exponent >= 62)
            return maxDelay;
        var ticks = baseDelay.Ticks * Math.Pow(2, exponent);
        return ticks >= maxDelay.Ticks ? maxDelay : TimeSpan.FromTicks((long)ticks);
    }

    public void Forget(T item)
    {
        lock (_gate)
            _failures.Remove(item);
    }

    public int NumRequeues(T item)
    {
        lock (_gate)
            return _failures.GetValueOrDefault(item);
    }
}
