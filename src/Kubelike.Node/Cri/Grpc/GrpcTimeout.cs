using System.Globalization;

namespace Kubelike.Node.Cri.Grpc;

/// <summary>The <c>grpc-timeout</c> request header: a positive integer of at most 8 digits and a unit.</summary>
public static class GrpcTimeout
{
    private const long MaxValue = 99_999_999;

    /// <summary>
    /// Formats <paramref name="timeout"/> in the finest unit that fits in 8 digits, rounding up so that a short but
    /// positive timeout never becomes 0 on the wire. Timeouts beyond what hours can express are capped.
    /// </summary>
    public static string Format(TimeSpan timeout)
    {
        if (timeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "a gRPC timeout must be positive");

        // Ticks are 100 ns: nanoseconds first, then coarser units.
        var ticks = timeout.Ticks;
        ReadOnlySpan<(long TicksPerUnit, char Unit)> units =
        [
            (0, 'n'), (TimeSpan.TicksPerMicrosecond, 'u'), (TimeSpan.TicksPerMillisecond, 'm'),
            (TimeSpan.TicksPerSecond, 'S'), (TimeSpan.TicksPerMinute, 'M'), (TimeSpan.TicksPerHour, 'H'),
        ];
        foreach (var (ticksPerUnit, unit) in units)
        {
            var value = ticksPerUnit == 0
                ? (ticks <= MaxValue / 100 ? ticks * 100 : long.MaxValue)
                : (ticks + ticksPerUnit - 1) / ticksPerUnit;
            if (value <= MaxValue)
                return value.ToString(CultureInfo.InvariantCulture) + unit;
        }
        return MaxValue.ToString(CultureInfo.InvariantCulture) + "H";
    }
}
