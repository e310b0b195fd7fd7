using System.Globalization;
using System.Text;

namespace Kubelike.Controllers.Jobs;

/// <summary>
/// A set of completion indexes as ordered, non-overlapping intervals, written as in status.completedIndexes:
/// <c>1,3-5,7</c> (runs of three or more as first-last, two neighbours as a list).
/// </summary>
public sealed class CompletionIndexes
{
    private readonly List<(int First, int Last)> _intervals;

    private CompletionIndexes(List<(int First, int Last)> intervals) => _intervals = intervals;

    public static CompletionIndexes Empty { get; } = new([]);

    public int Total => _intervals.Sum(i => i.Last - i.First + 1);

    public IReadOnlyList<(int First, int Last)> Intervals => _intervals;

    /// <summary>Parses the status text; indexes at or above <paramref name="completions"/> and corrupt parts are dropped.</summary>
    public static CompletionIndexes Parse(string? text, int completions)
    {
        var result = new List<(int First, int Last)>();
        if (string.IsNullOrEmpty(text))
            return new(result);
        foreach (var part in text.Split(','))
        {
            var limits = part.Split('-');
            if (!int.TryParse(limits[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first))
                continue;
            if (first >= completions)
                break;
            var last = first;
            if (limits.Length > 1)
            {
                if (!int.TryParse(limits[1], NumberStyles.None, CultureInfo.InvariantCulture, out last))
                    continue;
                last = Math.Min(last, completions - 1);
            }

            if (result.Count > 0 && result[^1].Last == first - 1)
                result[^1] = (result[^1].First, last);
            else
                result.Add((first, last));
        }

        return new(result);
    }

    public bool Contains(int index)
    {
        foreach (var (first, last) in _intervals)
        {
            if (index < first)
                return false;
            if (index <= last)
                return true;
        }

        return false;
    }

    /// <summary>This set with <paramref name="indexes"/> added.</summary>
    public CompletionIndexes With(IEnumerable<int> indexes) => Merge(indexes.Distinct().Order().Select(i => (i, i)));

    public CompletionIndexes With(CompletionIndexes other) => Merge(other._intervals);

    private CompletionIndexes Merge(IEnumerable<(int First, int Last)> other)
    {
        var result = new List<(int First, int Last)>();
        foreach (var interval in _intervals.Concat(other).OrderBy(i => i.First))
        {
            if (result.Count == 0 || interval.First > result[^1].Last + 1)
                result.Add(interval);
            else if (interval.Last > result[^1].Last)
                result[^1] = (result[^1].First, interval.Last);
        }

        return new(result);
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var (first, last) in _intervals)
        {
            if (text.Length > 0)
                text.Append(',');
            text.Append(first.ToString(CultureInfo.InvariantCulture));
            if (last > first)
                text.Append(last == first + 1 ? ',' : '-').Append(last.ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
