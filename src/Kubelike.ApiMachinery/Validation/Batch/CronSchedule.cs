using System.Globalization;

namespace Kubelike.ApiMachinery.Validation.Batch;

/// <summary>
/// Checks a standard cron schedule the way upstream's parser (robfig/cron ParseStandard) reads it: five fields
/// (minute, hour, day of month, month, day of week) with *, ?, lists, ranges, steps and month/day names, or a
/// descriptor (@hourly, @every 1h, ...). Returns the parser's error text, or null when the schedule is valid.
/// </summary>
public static class CronSchedule
{
    private static readonly (string Name, int Min, int Max, string[]? Names)[] Fields =
    [
        ("minute", 0, 59, null),
        ("hour", 0, 23, null),
        ("day of month", 1, 31, null),
        ("month", 1, 12, ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]),
        ("day of week", 0, 6, ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]),
    ];

    private static readonly string[] Descriptors = ["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"];

    public static string? Error(string schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var spec = schedule.Trim();
        if (spec.StartsWith("TZ=", StringComparison.Ordinal) || spec.StartsWith("CRON_TZ=", StringComparison.Ordinal))
        {
            var space = spec.IndexOf(' ', StringComparison.Ordinal);
            if (space < 0)
            {
                return "missing time zone";
            }
            spec = spec[(space + 1)..].Trim();
        }
        if (spec.StartsWith('@'))
        {
            if (Descriptors.Contains(spec))
            {
                return null;
            }
            if (spec.StartsWith("@every ", StringComparison.Ordinal))
            {
                return IsGoDuration(spec["@every ".Length..]) ? null : $"failed to parse duration {spec}: time: invalid duration {Quote(spec["@every ".Length..])}";
            }
            return $"unrecognized descriptor: {spec}";
        }
        var fields = spec.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != Fields.Length)
        {
            return $"expected exactly 5 fields, found {fields.Length}: [{string.Join(' ', fields)}]";
        }
        for (var i = 0; i < fields.Length; i++)
        {
            foreach (var expression in fields[i].Split(','))
            {
                if (Range(expression, Fields[i].Min, Fields[i].Max, Fields[i].Names) is { } error)
                {
                    return error;
                }
            }
        }
        return null;
    }

    private static string? Range(string expression, int min, int max, string[]? names)
    {
        var rangeAndStep = expression.Split('/');
        var lowAndHigh = rangeAndStep[0].Split('-');
        int start, end;
        var singleDigit = lowAndHigh.Length == 1;
        if (lowAndHigh[0] is "*" or "?")
        {
            start = min;
            end = max;
        }
        else
        {
            if (Number(lowAndHigh[0], names, out start) is { } startError)
            {
                return startError;
            }
            switch (lowAndHigh.Length)
            {
                case 1:
                    end = start;
                    break;
                case 2:
                    if (Number(lowAndHigh[1], names, out end) is { } endError)
                    {
                        return endError;
                    }
                    break;
                default:
                    return $"too many hyphens: {expression}";
            }
        }
        switch (rangeAndStep.Length)
        {
            case 1:
                break;
            case 2:
                if (Number(rangeAndStep[1], null, out var step) is { } stepError)
                {
                    return stepError;
                }
                if (singleDigit && lowAndHigh[0] is not ("*" or "?"))
                {
                    end = max;
                }
                if (step <= 0)
                {
                    return $"step of range should be a positive number: {expression}";
                }
                break;
            default:
                return $"too many slashes: {expression}";
        }
        if (start < min)
        {
            return $"beginning of range ({start}) below minimum ({min}): {expression}";
        }
        if (end > max)
        {
            return $"end of range ({end}) above maximum ({max}): {expression}";
        }
        if (start > end)
        {
            return $"beginning of range ({start}) beyond end of range ({end}): {expression}";
        }
        return null;
    }

    private static string? Number(string text, string[]? names, out int value)
    {
        if (names is not null)
        {
            var index = Array.IndexOf(names, text.ToLowerInvariant());
            if (index >= 0)
            {
                value = index + (names.Length == 12 ? 1 : 0);
                return null;
            }
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            return null;
        }
        return $"failed to parse int from {text}: strconv.Atoi: parsing {Quote(text)}: invalid syntax";
    }

    private static bool IsGoDuration(string text) =>
        text.Length > 0 && System.Text.RegularExpressions.Regex.IsMatch(text, "^([0-9]+(\\.[0-9]*)?(ns|us|µs|ms|s|m|h))+\\z");

    private static string Quote(string s) => Errors.GoFormat.Quote(s);
}
