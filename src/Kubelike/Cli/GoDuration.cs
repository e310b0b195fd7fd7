using System.Globalization;
using System.Text.RegularExpressions;

namespace Kubelike.Cli;

/// <summary>Durations as Kubernetes components' flags take them (Go's time.ParseDuration): <c>40s</c>, <c>1m30s</c>, <c>500ms</c>.</summary>
internal static partial class GoDuration
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (text is null || !Pattern().IsMatch(text))
            return false;
        foreach (Match part in Part().Matches(text))
        {
            var number = double.Parse(part.Groups["n"].Value, CultureInfo.InvariantCulture);
            duration += part.Groups["u"].Value switch
            {
                "h" => TimeSpan.FromHours(number),
                "m" => TimeSpan.FromMinutes(number),
                "s" => TimeSpan.FromSeconds(number),
                "ms" => TimeSpan.FromMilliseconds(number),
                "us" or "µs" => TimeSpan.FromMicroseconds(number),
                _ => TimeSpan.FromTicks((long)(number / 100)),
            };
        }

        return true;
    }

    [GeneratedRegex(@"^([0-9]+(\.[0-9]*)?(ns|us|µs|ms|s|m|h))+\z")]
    private static partial Regex Pattern();

    [GeneratedRegex(@"(?<n>[0-9]+(\.[0-9]*)?)(?<u>ns|us|µs|ms|s|m|h)")]
    private static partial Regex Part();
}
