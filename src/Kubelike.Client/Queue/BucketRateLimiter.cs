namespace Kubelike.Client.Queue;

/// <summary>
/// An overall token bucket over all items: <c>burst</c> retries at once, then <c>qps</c> per second. Each call
/// reserves a token, so the delays of a burst of failures grow evenly (as x/time/rate's Reserve does).
/// </summary>
public sealed class BucketRateLimiter<T> : IRateLimiter<T>
{
    private readonly Lock _gate = new();
    private readonly double _qps;
    private readonly int _burst;
    private readonly TimeProvider _time;
    private double _tokens;
    private DateTimeOffset _last;

    public BucketRateLimiter(double qps, int burst, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(qps);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burst);
        _qps = qps;
        _burst = burst;
        _time = time ?? TimeProvider.System;
        _tokens = burst;
        _last = _time.GetUtcNow();
    }

    public TimeSpan NextDelay(T item)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            _tokens = Math.Min(_burst, _tokens + ((now - _last).TotalSeconds * _qps));
            _last = now;
            _tokens -= 1;
            return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / _qps);
        }
    }

    public void Forget(T item)
    {
    }

    public int NumRequeues(T item) => 0;
}
