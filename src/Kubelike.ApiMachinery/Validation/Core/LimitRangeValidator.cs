using Kubelike.Api.Core.V1;
using Kubelike.Api.Primitives;

namespace Kubelike.ApiMachinery.Validation.Core;

/// <summary>A LimitRange (upstream's ValidateLimitRange): one item per type, and min ≤ defaultRequest ≤ default ≤ max per resource.</summary>
public sealed class LimitRangeValidator : FieldValidator<LimitRange>
{
    private static readonly string[] Types = ["Container", "PersistentVolumeClaim", "Pod"];

    public LimitRangeValidator() =>
        Check((limitRange, e) =>
        {
            var types = new HashSet<string>(StringComparer.Ordinal);
            var i = 0;
            foreach (var item in limitRange.Spec?.Limits ?? [])
            {
                var at = e.Path.Child("spec", "limits").Index(i++);
                var type = item.Type ?? "";
                if (!types.Add(type))
                {
                    e.Duplicate(at.Child("type"), type);
                }
                e.OneOf(at.Child("type"), type, Types);
                if (type == "Pod")
                {
                    if (item.Default is { Count: > 0 })
                    {
                        e.Forbidden(at.Child("default"), "may not be specified when `type` is 'Pod'");
                    }
                    if (item.DefaultRequest is { Count: > 0 })
                    {
                        e.Forbidden(at.Child("defaultRequest"), "may not be specified when `type` is 'Pod'");
                    }
                }
                var keys = new SortedSet<string>(StringComparer.Ordinal);
                foreach (var map in new[] { item.Max, item.Min, item.Default, item.DefaultRequest, item.MaxLimitRequestRatio })
                {
                    keys.UnionWith(map?.Keys ?? []);
                }
                foreach (var key in keys)
                {
                    var min = Get(item.Min, key);
                    var max = Get(item.Max, key);
                    var limit = Get(item.Default, key);
                    var request = Get(item.DefaultRequest, key);
                    Order(e, at.Child("min").Key(key), min, max, $"min value {min} is greater than max value {max}");
                    Order(e, at.Child("defaultRequest").Key(key), min, request, $"min value {min} is greater than default request value {request}", request);
                    Order(e, at.Child("defaultRequest").Key(key), request, max, $"default request value {request} is greater than max value {max}");
                    Order(e, at.Child("defaultRequest").Key(key), request, limit, $"default request value {request} is greater than default limit value {limit}");
                    Order(e, at.Child("default").Key(key), min, limit, $"min value {min} is greater than default value {limit}", limit);
                    Order(e, at.Child("default").Key(key), limit, max, $"default value {limit} is greater than max value {max}");
                    if (Get(item.MaxLimitRequestRatio, key) is { } ratio && ratio < Quantity.Parse("1"))
                    {
                        e.Invalid(at.Child("maxLimitRequestRatio").Key(key), ratio.ToString(), $"ratio {ratio} is less than 1");
                    }
                }
            }
        });

    private static Quantity? Get(IDictionary<string, Quantity>? map, string key) => map?.TryGetValue(key, out var q) == true ? q : null;

    /// <summary>Reports when both are set and <paramref name="low"/> exceeds <paramref name="high"/>; the bad value is the low one unless given.</summary>
    private static void Order(FieldErrorCollector e, FieldPath at, Quantity? low, Quantity? high, string message, Quantity? shown = null)
    {
        if (low is not null && high is not null && low > high)
        {
            e.Invalid(at, (shown ?? low).ToString(), message);
        }
    }
}
