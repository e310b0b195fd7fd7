using System.Globalization;
using System.Text.RegularExpressions;

namespace Kubelike.Controllers.CronJobs;

/// <summary>
/// A standard cron schedule read as upstream's parser (robfig/cron ParseStandard) reads it: five fields (minute,
/// hour, day of month, month, day of week) with <c>*</c>, <c>?</c>, lists, ranges, steps and month/day names; the
/// descriptors <c>@yearly</c>/<c>@annually</c>, <c>@monthly</c>, <c>@weekly</c>, <c>@daily</c>/<c>@midnight</c>,
/// <c>@hourly</c> and <c>@every &lt;duration&gt;</c>; an optional <c>TZ=zone</c> or <c>CRON_TZ=zone</c> prefix.
/// When both day fields are restricted a day matches either; when one is <c>*</c>, both must match.
/// Times are wall-clock times in the schedule's zone: a time skipped by a daylight-saving jump does not fire, a
/// repeated one fires once (its first occurrence).
/// </summary>
public sealed partial class CronSchedule
{
    private static readonly string[] MonthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    private static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    /// <summary>How far ahead a schedule is searched before it counts as never firing (as upstream: five years).</summary>
    private const int SearchYears = 5;

    private readonly ulong _minutes;
    private readonly ulong _hours;
    private readonly ulong _days;
    private readonly ulong _months;
    private readonly ulong _weekdays;
    private readonly bool _anyDay;
    private readonly bool _anyWeekday;
    private readonly TimeSpan? _every;

    private CronSchedule(TimeZoneInfo zone, ulong minutes, ulong hours, ulong days, ulong months, ulong weekdays, bool anyDay, bool anyWeekday, TimeSpan? every)
    {
        Zone = zone;
        _minutes = minutes;
        _hours = hours;
        _days = days;
        _months = months;
        _weekdays = weekdays;
        _anyDay = anyDay;
        _anyWeekday = anyWeekday;
        _every = every;
    }

    /// <summary>The zone the fields are read in.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>Parses <paramref name="text"/>; times are in <paramref name="zone"/> (default: the local zone) unless it names its own.</summary>
    public static CronSchedule Parse(string text, TimeZoneInfo? zone = null) =>
        TryParse(text, zone, out var schedule, out var error) ? schedule! : throw new FormatException(error);

    public static bool TryParse(string text, TimeZoneInfo? zone, out CronSchedule? schedule, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        schedule = null;
        error = null;
        zone ??= TimeZoneInfo.Local;
        var spec = text.Trim();
        if (spec.StartsWith("TZ=", StringComparison.Ordinal) || spec.StartsWith("CRON_TZ=", StringComparison.Ordinal))
        {
            var space = spec.IndexOf(' ', StringComparison.Ordinal);
            var name = space < 0 ? spec[(spec.IndexOf('=', StringComparison.Ordinal) + 1)..] : spec[(spec.IndexOf('=', StringComparison.Ordinal) + 1)..space];
            if (!TryFindZone(name, out zone))
            {
                error = $"provided bad location {name}: unknown time zone {name}";
                return false;
            }

            spec = space < 0 ? "" : spec[(space + 1)..].Trim();
        }

        if (spec.Length == 0)
        {
            error = "empty spec string";
            return false;
        }

        return spec.StartsWith('@') ? TryParseDescriptor(spec, zone, out schedule, out error) : TryParseFields(spec, zone, out schedule, out error);
    }

    private static bool TryParseFields(string spec, TimeZoneInfo zone, out CronSchedule? schedule, out string? error)
    {
        schedule = null;
        var fields = spec.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5)
        {
            error = $"expected exactly 5 fields, found {fields.Length}: [{string.Join(' ', fields)}]";
            return false;
        }

        if (!TryField(fields[0], 0, 59, null, out var minutes, out _, out error)
            || !TryField(fields[1], 0, 23, null, out var hours, out _, out error)
            || !TryField(fields[2], 1, 31, null, out var days, out var anyDay, out error)
            || !TryField(fields[3], 1, 12, MonthNames, out var months, out _, out error)
            || !TryField(fields[4], 0, 6, DayNames, out var weekdays, out var anyWeekday, out error))
        {
            return false;
        }

        schedule = new CronSchedule(zone, minutes, hours, days, months, weekdays, anyDay, anyWeekday, null);
        return true;
    }

    /// <summary>An IANA zone name known to this machine's time zone database.</summary>
    public static bool TryFindZone(string name, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (name.Length == 0 || name == "UTC")
            return true;
        if (name == "Local")
        {
            zone = TimeZoneInfo.Local;
            return true;
        }

        if (name.Contains("..", StringComparison.Ordinal) || name.StartsWith('/'))
            return false;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(name, out var found))
            return false;
        zone = found;
        return true;
    }

    private static bool TryParseDescriptor(string spec, TimeZoneInfo zone, out CronSchedule? schedule, out string? error)
    {
        schedule = null;
        error = null;
        var standard = spec switch
        {
            "@yearly" or "@annually" => "0 0 1 1 *",
            "@monthly" => "0 0 1 * *",
            "@weekly" => "0 0 * * 0",
            "@daily" or "@midnight" => "0 0 * * *",
            "@hourly" => "0 * * * *",
            _ => null,
        };
        if (standard is not null)
            return TryParseFields(standard, zone, out schedule, out error);
        const string every = "@every ";
        if (spec.StartsWith(every, StringComparison.Ordinal))
        {
            var text = spec[every.Length..].Trim();
            if (!TryGoDuration(text, out var delay))
            {
                error = $"failed to parse duration {spec}: time: invalid duration \"{text}\"";
                return false;
            }

            // As upstream: whole seconds, at least one.
            delay = TimeSpan.FromSeconds(Math.Max(1, Math.Floor(delay.TotalSeconds)));
            schedule = new CronSchedule(zone, 0, 0, 0, 0, 0, false, false, delay);
            return true;
        }

        error = $"unrecognized descriptor: {spec}";
        return false;
    }

    private static bool TryField(string field, int min, int max, string[]? names, out ulong bits, out bool any, out string? error)
    {
        bits = 0;
        any = false;
        error = null;
        foreach (var expression in field.Split(','))
        {
            var rangeAndStep = expression.Split('/');
            var lowAndHigh = rangeAndStep[0].Split('-');
            int start, end;
            var star = lowAndHigh[0] is "*" or "?";
            if (star)
            {
                start = min;
                end = max;
            }
            else
            {
                if (!TryNumber(lowAndHigh[0], names, out start, out error))
                    return false;
                switch (lowAndHigh.Length)
                {
                    case 1:
                        end = start;
                        break;
                    case 2:
                        if (!TryNumber(lowAndHigh[1], names, out end, out error))
                            return false;
                        break;
                    default:
                        error = $"too many hyphens: {expression}";
                        return false;
                }
            }

            var step = 1;
            switch (rangeAndStep.Length)
            {
                case 1:
                    break;
                case 2:
                    if (!TryNumber(rangeAndStep[1], null, out step, out error))
                        return false;
                    if (lowAndHigh.Length == 1 && !star)
                        end = max;
                    if (step <= 0)
                    {
                        error = $"step of range should be a positive number: {expression}";
                        return false;
                    }

                    break;
                default:
                    error = $"too many slashes: {expression}";
                    return false;
            }

            if (start < min)
            {
                error = $"beginning of range ({start}) below minimum ({min}): {expression}";
                return false;
            }

            if (end > max)
            {
                error = $"end of range ({end}) above maximum ({max}): {expression}";
                return false;
            }

            if (start > end)
            {
                error = $"beginning of range ({start}) beyond end of range ({end}): {expression}";
                return false;
            }

            // "*" (and "*/1") leave the field unrestricted, which matters for the two day fields.
            any |= star && step == 1;
            for (var value = start; value <= end; value += step)
                bits |= 1UL << value;
        }

        return true;
    }

    private static bool TryNumber(string text, string[]? names, out int value, out string? error)
    {
        error = null;
        if (names is not null && Array.IndexOf(names, text.ToLowerInvariant()) is var index and >= 0)
        {
            value = index + (names == MonthNames ? 1 : 0);
            return true;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value))
            return true;
        error = $"failed to parse int from {text}: strconv.Atoi: parsing \"{text}\": invalid syntax";
        return false;
    }

    private static bool TryGoDuration(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var match = GoDuration().Match(text);
        if (!match.Success)
            return false;
        foreach (Capture part in match.Groups["part"].Captures)
        {
            var unit = UnitSuffix().Match(part.Value).Value;
            var number = double.Parse(part.Value[..^unit.Length], CultureInfo.InvariantCulture);
            duration += unit switch
            {
                "h" => TimeSpan.FromHours(number),
                "m" => TimeSpan.FromMinutes(number),
                "s" => TimeSpan.FromSeconds(number),
                "ms" => TimeSpan.FromMilliseconds(number),
                _ => TimeSpan.FromTicks((long)(number * (unit == "ns" ? 0.01 : 10))),
            };
        }

        return true;
    }

    [GeneratedRegex(@"^(?<part>[0-9]+(\.[0-9]*)?(ns|us|µs|ms|s|m|h))+\z")]
    private static partial Regex GoDuration();

    [GeneratedRegex(@"(ns|us|µs|ms|s|m|h)\z")]
    private static partial Regex UnitSuffix();

    private static bool Has(ulong bits, int value) => (bits & (1UL << value)) != 0;

    private bool DayMatches(DateTime local)
    {
        var day = Has(_days, local.Day);
        var weekday = Has(_weekdays, (int)local.DayOfWeek);
        return _anyDay || _anyWeekday ? day && weekday : day || weekday;
    }

    /// <summary>The first time the schedule fires strictly after <paramref name="after"/>, or null if it never does.</summary>
    public DateTimeOffset? Next(DateTimeOffset after)
    {
        if (_every is { } delay)
            return after.AddTicks(-(after.Ticks % TimeSpan.TicksPerSecond)) + delay;
        var local = TimeZoneInfo.ConvertTime(after, Zone).DateTime;
        local = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, DateTimeKind.Unspecified).AddMinutes(1);
        var limit = local.Year + SearchYears;
        while (local.Year <= limit)
        {
            if (!Has(_months, local.Month))
            {
                local = new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(1);
                continue;
            }

            if (!DayMatches(local))
            {
                local = local.Date.AddDays(1);
                continue;
            }

            if (!Has(_hours, local.Hour))
            {
                local = local.Date.AddHours(local.Hour + 1);
                continue;
            }

            if (!Has(_minutes, local.Minute))
            {
                local = local.AddMinutes(1);
                continue;
            }

            if (!Zone.IsInvalidTime(local))
            {
                // A repeated wall-clock time fires at its first occurrence (the larger offset).
                var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
                var candidate = new DateTimeOffset(local, offset);
                if (candidate > after)
                    return candidate;
            }

            local = local.AddMinutes(1);
        }

        return null;
    }
}
