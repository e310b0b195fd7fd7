using System.Diagnostics;

namespace Kubelike.Benchmarks;

/// <summary>Percentiles of a set of latencies, in milliseconds.</summary>
internal sealed record LatencySummary(long Count, double P50Ms, double P99Ms, double MaxMs)
{
    public static LatencySummary Empty { get; } = new(0, double.NaN, double.NaN, double.NaN);

    /// <summary>Summarises Stopwatch tick durations; sorts <paramref name="ticks"/> in place.</summary>
    public static LatencySummary FromTicks(long[] ticks)
    {
        if (ticks.Length == 0)
            return Empty;
        Array.Sort(ticks);
        return new LatencySummary(ticks.Length, Milliseconds(Rank(ticks, 0.50)), Milliseconds(Rank(ticks, 0.99)), Milliseconds(ticks[^1]));
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static long Rank(long[] sorted, double quantile)
    {
        var index = (int)Math.Ceiling(quantile * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
    }

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
