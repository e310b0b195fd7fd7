using Kubelike.Client.Configuration;
using Polly;
using Polly.Retry;

namespace Kubelike.Client.Rest;

/// <summary>
/// The Polly pipeline that retries transient failures. Safe for every verb: a connection that could not be made,
/// 429 and 503 (the server did not act). Reads only: other 5xx answers, connections lost mid-request and attempts
/// that timed out, since a write may have been applied before the failure. A Retry-After header sets the delay.
/// </summary>
internal static class TransientFailureRetry
{
    /// <summary>Whether the request may be repeated whatever happened to the previous attempt.</summary>
    public static readonly ResiliencePropertyKey<bool> Idempotent = new("kubelike.idempotent");

    public static ResiliencePipeline<HttpResponseMessage> Create(RetryPolicyOptions options, TimeProvider time)
    {
        if (options.MaxRetries <= 0)
            return ResiliencePipeline<HttpResponseMessage>.Empty;
        return new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, options.MaxDelay)),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            })
            .Build();
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        var idempotent = context.Properties.GetValue(Idempotent, false);
        if (outcome.Exception is { } exception)
        {
            if (context.CancellationToken.IsCancellationRequested)
                return false;
            return exception switch
            {
                HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } => true,
                HttpRequestException or TimeoutException => idempotent,
                _ => false,
            };
        }

        var status = (int)outcome.Result!.StatusCode;
        return status is 429 or 503 || (status >= 500 && idempotent);
    }

    /// <summary>The delay a 429/5xx answer asks for in Retry-After, or null for the backoff schedule.</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan max)
    {
        if (response?.Headers.RetryAfter is not { } retryAfter)
            return null;
        TimeSpan? delay = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        if (delay is not { } value)
            return null;
        return value < TimeSpan.Zero ? TimeSpan.Zero : value > max ? max : value;
    }

}
