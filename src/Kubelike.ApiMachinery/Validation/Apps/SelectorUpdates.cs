using MetaV1 = Kubelike.Api.Meta.V1;

namespace Kubelike.ApiMachinery.Validation.Apps;

/// <summary>The apps/v1 rule that a workload's selector is fixed once created.</summary>
public static class SelectorUpdates
{
    public static void Immutable(FieldErrorCollector e, MetaV1.LabelSelector? next, MetaV1.LabelSelector? old)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (!FieldErrorCollector.SameValue(Normalized(next), Normalized(old)))
        {
            e.Invalid(e.Path.Child("spec", "selector"), GoValues.LabelSelector(next), FieldErrorCollector.FieldImmutableMessage);
        }
    }

    /// <summary>Empty label maps and expression lists equal absent ones, as Go's semantic equality treats them.</summary>
    private static MetaV1.LabelSelector? Normalized(MetaV1.LabelSelector? selector) => selector is null ? null : new MetaV1.LabelSelector
    {
        MatchLabels = selector.MatchLabels is { Count: > 0 } labels ? new SortedDictionary<string, string>(labels, StringComparer.Ordinal) : null,
        MatchExpressions = selector.MatchExpressions is { Count: > 0 } expressions ? expressions : null,
    };
}
