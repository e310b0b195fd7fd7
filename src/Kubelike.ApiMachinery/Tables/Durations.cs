namespace Kubelike.ApiMachinery.Tables;

/// <summary>
/// Kubernetes' human-readable durations (apimachinery's util/duration): <see cref="Human"/> is what the printers use for
/// ages ("2d12h", "5m30s"), <see cref="ShortHuman"/> the coarser single-unit form ("2d").
/// </summary>
public static class Durations
{
    /// <summary>HumanDuration: up to two units for recent times, one unit beyond; a skew of one second counts as now.</summary>
    public static string Human(TimeSpan d)
    {
        var seconds = (long)d.TotalSeconds;
        if (seconds < -1)
            return "<invalid>";
        if (seconds < 0)
            return "0s";
        if (seconds < 60 * 2)
            return $"{seconds}s";
        var minutes = (long)d.TotalMinutes;
        if (minutes < 10)
        {
            var s = seconds % 60;
            return s == 0 ? $"{minutes}m" : $"{minutes}m{s}s";
        }
        if (minutes < 60 * 3)
            return $"{minutes}m";
        var hours = (long)d.TotalHours;
        if (hours < 8)
        {
            var m = minutes % 60;
            return m == 0 ? $"{hours}h" : $"{hours}h{m}m";
        }
        if (hours < 48)
            return $"{hours}h";
        if (hours < 24 * 8)
        {
            var h = hours % 24;
            return h == 0 ? $"{hours / 24}d" : $"{hours / 24}d{h}h";
        }
        if (hours < 24 * 365 * 2)
            return $"{hours / 24}d";
        if (hours < 24 * 365 * 8)
        {
            var dy = hours / 24 % 365;
            return dy == 0 ? $"{hours / 24 / 365}y" : $"{hours / 24 / 365}y{dy}d";
        }
        return $"{hours / 24 / 365}y";
    }

    /// <summary>ShortHumanDuration: the largest whole unit only (45s, 5m, 3h, 2d, 1y).</summary>
    public static string ShortHuman(TimeSpan d)
    {
        var seconds = (long)d.TotalSeconds;
        if (seconds < -1)
            return "<invalid>";
        if (seconds < 0)
            return "0s";
        if (seconds < 60)
            return $"{seconds}s";
        var minutes = (long)d.TotalMinutes;
        if (minutes < 60)
            return $"{minutes}m";
        var hours = (long)d.TotalHours;
        if (hours < 24)
            return $"{hours}h";
        if (hours < 24 * 365)
            return $"{hours / 24}d";
        return $"{hours / 24 / 365}y";
    }
}
