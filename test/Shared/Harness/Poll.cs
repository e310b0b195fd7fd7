using System.Diagnostics;

namespace Kubelike.Testing;

/// <summary>Waiting for a condition with a deadline instead of a fixed sleep.</summary>
public static class Poll
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Evaluates <paramref name="probe"/> until it returns a non-null value and returns that; fails the test with
    /// <paramref name="what"/> and the last value seen once <paramref name="timeout"/> passes.
    /// </summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null)
        where T : class
    {
        var limit = timeout ?? DefaultTimeout;
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (stopwatch.Elapsed > limit)
            {
                Assert.Fail($"{what}: not within {limit.TotalSeconds:0} s");
            }

            await Task.Delay(Interval);
        }
    }

    /// <summary>Evaluates <paramref name="condition"/> until it is true; fails the test with <paramref name="what"/> (and <paramref name="diagnostics"/>) after the timeout.</summary>
    public static async Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null, Func<string>? diagnostics = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var stopwatch = Stopwatch.StartNew();
        while (!condition())
        {
            if (stopwatch.Elapsed > limit)
            {
                Assert.Fail($"{what}: not within {limit.TotalSeconds:0} s{(diagnostics is null ? string.Empty : Environment.NewLine + diagnostics())}");
            }

            await Task.Delay(Interval);
        }
    }
}
