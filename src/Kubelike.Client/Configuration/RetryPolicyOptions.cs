namespace Kubelike.Client.Configuration;

/// <summary>
/// Retries of transient failures: connection errors, 429 and 503 (the server did not act on the request) for every
/// verb, other 5xx answers for reads only; a Retry-After header sets the delay, else exponential backoff with jitter.
/// </summary>
public sealed class RetryPolicyOptions
{
    /// <summary>Retries after the first attempt; 0 turns retrying off.</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>The first backoff delay; later ones double.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>No single delay (backoff or Retry-After) is longer.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);
}
