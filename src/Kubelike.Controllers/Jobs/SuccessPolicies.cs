using System.Globalization;
using Kubelike.Api.Batch.V1;

namespace Kubelike.Controllers.Jobs;

/// <summary>An Indexed Job's successPolicy: the first rule its succeeded indexes satisfy declares the Job succeeded.</summary>
public static class SuccessPolicies
{
    /// <summary>The condition message of the first matching rule (upstream's wording), or null.</summary>
    public static string? Match(SuccessPolicy? policy, int completions, CompletionIndexes succeeded)
    {
        var rules = policy?.Rules ?? [];
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            bool met;
            if (rule.SucceededIndexes is null)
            {
                met = rule.SucceededCount is { } count && succeeded.Total >= count;
            }
            else
            {
                var wanted = CompletionIndexes.Parse(rule.SucceededIndexes, completions);
                var hits = wanted.Intervals.Sum(iv => Enumerable.Range(iv.First, iv.Last - iv.First + 1).Count(succeeded.Contains));
                met = rule.SucceededCount is { } count ? hits >= count : hits == wanted.Total;
            }

            if (met)
                return "Matched rules at index " + i.ToString(CultureInfo.InvariantCulture);
        }

        return null;
    }
}
