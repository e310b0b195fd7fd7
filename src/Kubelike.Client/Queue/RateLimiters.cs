namespace Kubelike.Client.Queue;

/// <summary>Ready-made limiters.</summary>
public static class RateLimiters
{
    /// <summary>client-go's default controller limiter: per item 5 ms doubling to 1000 s, overall 10 per second with bursts of 100.</summary>
    public static IRateLimiter<T> DefaultController<T>(TimeProvider? time = null)
        where T : notnull =>
        new MaxOfRateLimiter<T>(
            new ExponentialFailureRateLimiter<T>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000)),
            new BucketRateLimiter<T>(10, 100, time));
}
