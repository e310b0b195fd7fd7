namespace Kubelike.ApiMachinery.Errors;

/// <summary>
/// One validation error on a field path, rendered the way upstream's field.Error renders:
/// <c>spec.replicas: Invalid value: -1: must be greater than or equal to 0</c>.
/// </summary>
public sealed record FieldError(FieldErrorType Type, string Field, object? BadValue, string Detail)
{
    /// <summary>A bad value that is left out of the message (TooMany with an unknown count).</summary>
    public static readonly object OmitValue = new();

    public static FieldError Invalid(string field, object? value, string detail) => new(FieldErrorType.Invalid, field, value, detail);

    public static FieldError Required(string field, string detail = "") => new(FieldErrorType.Required, field, "", detail);

    public static FieldError Forbidden(string field, string detail) => new(FieldErrorType.Forbidden, field, "", detail);

    public static FieldError NotFound(string field, object? value) => new(FieldErrorType.NotFound, field, value, "");

    public static FieldError Duplicate(string field, object? value) => new(FieldErrorType.Duplicate, field, value, "");

    public static FieldError TypeInvalid(string field, object? value, string detail) => new(FieldErrorType.TypeInvalid, field, value, detail);

    public static FieldError InternalError(string field, string detail) => new(FieldErrorType.Internal, field, null, detail);

    public static FieldError NotSupported(string field, object? value, IEnumerable<string> validValues)
    {
        ArgumentNullException.ThrowIfNull(validValues);
        var quoted = validValues.Select(GoFormat.Quote).ToList();
        return new(FieldErrorType.NotSupported, field, value, quoted.Count == 0 ? "" : "supported values: " + string.Join(", ", quoted));
    }

    public static FieldError TooLong(string field, int maxLength) =>
        new(FieldErrorType.TooLong, field, "<value omitted>", maxLength >= 0 ? $"may not be more than {maxLength} bytes" : "value is too long");

    public static FieldError TooMany(string field, int actual, int max) =>
        new(FieldErrorType.TooMany, field, actual >= 0 ? actual : OmitValue, max >= 0 ? $"must have at most {max} items" : "has too many items");

    /// <summary>The cause reason on the wire: "FieldValueInvalid".</summary>
    public string Reason => Type switch
    {
        FieldErrorType.NotFound => "FieldValueNotFound",
        FieldErrorType.Required => "FieldValueRequired",
        FieldErrorType.Duplicate => "FieldValueDuplicate",
        FieldErrorType.Invalid => "FieldValueInvalid",
        FieldErrorType.NotSupported => "FieldValueNotSupported",
        FieldErrorType.Forbidden => "FieldValueForbidden",
        FieldErrorType.TooLong => "FieldValueTooLong",
        FieldErrorType.TooMany => "FieldValueTooMany",
        FieldErrorType.Internal => "InternalError",
        FieldErrorType.TypeInvalid => "FieldValueTypeInvalid",
        _ => throw new InvalidOperationException($"unknown field error type {Type}"),
    };

    private string Phrase => Type switch
    {
        FieldErrorType.NotFound => "Not found",
        FieldErrorType.Required => "Required value",
        FieldErrorType.Duplicate => "Duplicate value",
        FieldErrorType.Invalid or FieldErrorType.TypeInvalid => "Invalid value",
        FieldErrorType.NotSupported => "Unsupported value",
        FieldErrorType.Forbidden => "Forbidden",
        FieldErrorType.TooLong => "Too long",
        FieldErrorType.TooMany => "Too many",
        FieldErrorType.Internal => "Internal error",
        _ => throw new InvalidOperationException($"unknown field error type {Type}"),
    };

    /// <summary>The message without the field: <c>Invalid value: -1: must be greater than or equal to 0</c>.</summary>
    public string Body
    {
        get
        {
            var s = Type is FieldErrorType.Required or FieldErrorType.Forbidden or FieldErrorType.TooLong or FieldErrorType.Internal
                || ReferenceEquals(BadValue, OmitValue)
                ? Phrase
                : $"{Phrase}: {GoFormat.Value(BadValue)}";
            return Detail.Length == 0 ? s : $"{s}: {Detail}";
        }
    }

    public override string ToString() => $"{Field}: {Body}";

    public StatusCause ToCause() => new(Reason, Body, Field);

    /// <summary>
    /// Joins errors as upstream's aggregate does: duplicates (same message) dropped, one error alone, several in brackets.
    /// </summary>
    public static string Aggregate(IEnumerable<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var messages = errors.Select(e => e.ToString()).Distinct(StringComparer.Ordinal).ToList();
        return messages.Count == 1 ? messages[0] : "[" + string.Join(", ", messages) + "]";
    }
}
