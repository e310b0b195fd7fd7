using Kubelike.Api;
using Kubelike.ApiMachinery.Metadata;
using MetaV1 = Kubelike.Api.Meta.V1;
using Selector = Kubelike.ApiMachinery.Selectors.LabelSelector;

namespace Kubelike.ApiMachinery.Validation;

/// <summary>A metav1.LabelSelector: valid label keys and values, operators with the values each one allows.</summary>
public sealed class LabelSelectorValidator : FieldValidator<MetaV1.LabelSelector>
{
    public static LabelSelectorValidator Instance { get; } = new();

    public LabelSelectorValidator()
    {
        Check((selector, e) =>
        {
            e.AddRange(ObjectMetaValidation.ValidateLabels(Maps.ReadOnly(selector.MatchLabels), e.Path.Child("matchLabels")));
            var i = 0;
            foreach (var requirement in selector.MatchExpressions ?? [])
            {
                var at = e.Path.Child("matchExpressions").Index(i++);
                var values = requirement.Values ?? [];
                switch (requirement.Operator)
                {
                    case "In" or "NotIn":
                        if (values.Count == 0)
                        {
                            e.Required(at.Child("values"), "must be specified when `operator` is 'In' or 'NotIn'");
                        }
                        break;
                    case "Exists" or "DoesNotExist":
                        if (values.Count > 0)
                        {
                            e.Forbidden(at.Child("values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
                        }
                        break;
                    default:
                        e.Invalid(at.Child("operator"), requirement.Operator ?? "", "not a valid selector operator");
                        break;
                }
                e.QualifiedName(at.Child("key"), requirement.Key ?? "");
                for (var v = 0; v < values.Count; v++)
                {
                    e.LabelValue(at.Child("values").Index(v), values[v]);
                }
            }
        });
    }

    /// <summary>True when the selector has neither labels nor expressions (it would select everything).</summary>
    public static bool IsEmpty(MetaV1.LabelSelector? selector) =>
        selector is null || ((selector.MatchLabels?.Count ?? 0) == 0 && (selector.MatchExpressions?.Count ?? 0) == 0);

    /// <summary>The selector as a matcher, or null when it cannot be one (its own errors are reported elsewhere).</summary>
    public static Selector? ToSelector(MetaV1.LabelSelector? selector)
    {
        if (selector is null)
        {
            return null;
        }
        try
        {
            return Selector.FromJson(KubernetesJson.SerializeToNode(selector));
        }
        catch (Errors.ApiException)
        {
            return null;
        }
    }
}
