using System.Globalization;
using Kubelike.ApiMachinery.Errors;
using Kubelike.ApiMachinery.Metadata;

namespace Kubelike.ApiMachinery.Selectors;

/// <summary>One term of a label selector: a key, an operator and its values (sorted, distinct, as upstream keeps them).</summary>
public sealed class LabelRequirement
{
    private LabelRequirement(string key, SelectorOperator op, IReadOnlyList<string> values)
    {
        Key = key;
        Operator = op;
        Values = values;
    }

    public string Key { get; }
    public SelectorOperator Operator { get; }
    public IReadOnlyList<string> Values { get; }

    /// <summary>
    /// Builds a requirement, checking it as upstream's NewRequirement does; the errors are field errors on the
    /// paths "key" and "values[i]" (under <paramref name="path"/>, when given).
    /// </summary>
    public static LabelRequirement Create(string key, SelectorOperator op, IEnumerable<string> values, string? path = null)
    {
        var errors = Validate(key, op, values, path, out var requirement);
        return errors.Count == 0 ? requirement : throw ApiException.BadRequest(FieldError.Aggregate(errors));
    }

    internal static List<FieldError> Validate(string key, SelectorOperator op, IEnumerable<string> values, string? path, out LabelRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(values);
        var vals = values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var errors = new List<FieldError>();
        string Child(string name) => path is null ? name : $"{path}.{name}";
        var keyErrors = ValidationRules.IsQualifiedName(key);
        if (keyErrors.Count > 0)
        {
            errors.Add(FieldError.Invalid(Child("key"), key, string.Join("; ", keyErrors)));
        }
        var valuePath = Child("values");
        switch (op)
        {
            case SelectorOperator.In or SelectorOperator.NotIn when vals.Count == 0:
                errors.Add(FieldError.Invalid(valuePath, vals, "for 'in', 'notin' operators, values set can't be empty"));
                break;
            case SelectorOperator.Equals or SelectorOperator.DoubleEquals or SelectorOperator.NotEquals when vals.Count != 1:
                errors.Add(FieldError.Invalid(valuePath, vals, "exact-match compatibility requires one single value"));
                break;
            case SelectorOperator.Exists or SelectorOperator.DoesNotExist when vals.Count != 0:
                errors.Add(FieldError.Invalid(valuePath, vals, "values set must be empty for exists and does not exist"));
                break;
            case SelectorOperator.GreaterThan or SelectorOperator.LessThan:
                if (vals.Count != 1)
                {
                    errors.Add(FieldError.Invalid(valuePath, vals, "for 'Gt', 'Lt' operators, exactly one value is required"));
                }
                for (var i = 0; i < vals.Count; i++)
                {
                    if (!long.TryParse(vals[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
                    {
                        errors.Add(FieldError.Invalid($"{valuePath}[{i}]", vals[i], "for 'Gt', 'Lt' operators, the value must be an integer"));
                    }
                }
                break;
            default:
                break;
        }
        for (var i = 0; i < vals.Count; i++)
        {
            var valueErrors = ValidationRules.IsValidLabelValue(vals[i]);
            if (valueErrors.Count > 0)
            {
                errors.Add(FieldError.Invalid($"{valuePath}[{i}][{key}]", vals[i], string.Join("; ", valueErrors)));
            }
        }
        requirement = new LabelRequirement(key, op, vals);
        return errors;
    }

    /// <summary>Whether the labels satisfy this requirement; a missing key satisfies only !=, notin and !key.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var exists = labels.TryGetValue(Key, out var value);
        switch (Operator)
        {
            case SelectorOperator.In or SelectorOperator.Equals or SelectorOperator.DoubleEquals:
                return exists && Values.Contains(value!, StringComparer.Ordinal);
            case SelectorOperator.NotIn or SelectorOperator.NotEquals:
                return !exists || !Values.Contains(value!, StringComparer.Ordinal);
            case SelectorOperator.Exists:
                return exists;
            case SelectorOperator.DoesNotExist:
                return !exists;
            case SelectorOperator.GreaterThan or SelectorOperator.LessThan:
                if (!exists || Values.Count != 1
                    || !long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var actual)
                    || !long.TryParse(Values[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var bound))
                {
                    return false;
                }
                return Operator == SelectorOperator.GreaterThan ? actual > bound : actual < bound;
            default:
                return false;
        }
    }

    /// <summary>The canonical string form upstream prints (e.g. in a Scale's status.selector).</summary>
    public override string ToString() => Operator switch
    {
        SelectorOperator.Exists => Key,
        SelectorOperator.DoesNotExist => "!" + Key,
        SelectorOperator.Equals => $"{Key}={Values[0]}",
        SelectorOperator.DoubleEquals => $"{Key}=={Values[0]}",
        SelectorOperator.NotEquals => $"{Key}!={Values[0]}",
        SelectorOperator.In => $"{Key} in ({string.Join(",", Values)})",
        SelectorOperator.NotIn => $"{Key} notin ({string.Join(",", Values)})",
        SelectorOperator.GreaterThan => $"{Key}>{Values[0]}",
        SelectorOperator.LessThan => $"{Key}<{Values[0]}",
        _ => Key,
    };
}
