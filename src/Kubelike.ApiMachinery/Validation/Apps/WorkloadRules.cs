using Kubelike.Api.Primitives;
using MetaV1 = Kubelike.Api.Meta.V1;

namespace Kubelike.ApiMachinery.Validation.Apps;

/// <summary>Rules the workload controllers' specs share: their selector, and counts given as a number or a percentage.</summary>
public static class WorkloadRules
{
    /// <summary>A required, valid, non-empty selector (<c>empty selector is invalid for deployment</c>).</summary>
    public static void Selector(FieldErrorCollector e, FieldPath at, MetaV1.LabelSelector? selector, string kind)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (selector is null)
        {
            e.Required(at);
            return;
        }
        e.Validate(LabelSelectorValidator.Instance, selector, at);
        if (LabelSelectorValidator.IsEmpty(selector))
        {
            e.Invalid(at, GoValues.LabelSelector(selector), $"empty selector is invalid for {kind}");
        }
    }

    /// <summary>A count as a non-negative number or a percentage string.</summary>
    public static void PositiveIntOrPercent(FieldErrorCollector e, FieldPath at, IntOrString? value)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (value is null)
        {
            return;
        }
        if (value.IsInt)
        {
            e.Nonnegative(at, value.IntValue);
        }
        else
        {
            e.AddMessages(at, GoValues.IntOrString(value), ValidationFormats.IsValidPercent(value.StringValue!));
        }
    }

    /// <summary>A percentage may not exceed 100%.</summary>
    public static void NotMoreThan100Percent(FieldErrorCollector e, FieldPath at, IntOrString? value)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (value is { IsInt: false } && Percent(value) > 100)
        {
            e.Invalid(at, GoValues.IntOrString(value), "must not be greater than 100%");
        }
    }

    /// <summary>The number a count holds (a percentage's number), -1 when it has none.</summary>
    public static int Value(IntOrString? value) => value is null ? 0 : value.IsInt ? value.IntValue : Percent(value);

    private static int Percent(IntOrString value) =>
        value.StringValue is { } s && s.EndsWith('%') && int.TryParse(s[..^1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : -1;
}
