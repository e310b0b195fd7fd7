using FluentValidation;
using FluentValidation.Results;
using Kubelike.ApiMachinery.Errors;

namespace Kubelike.ApiMachinery.Validation;

/// <summary>
/// A FluentValidation validator whose rules report upstream's field errors (type, path, bad value, detail) below the
/// path it is run at, so that one validator (a container, a pod template) serves every place the part occurs.
/// </summary>
public abstract class FieldValidator<T> : AbstractValidator<T>
{
    private const string PathKey = "kubelike.path";

    /// <summary>Adds a rule: <paramref name="rule"/> reports errors for the value at the collector's path.</summary>
    protected void Check(Action<T, FieldErrorCollector> rule) =>
        RuleFor(value => value).Custom((value, context) => rule(value, new FieldErrorCollector(context.AddFailure, PathOf(context))));

    /// <summary>Validates <paramref name="value"/> found at <paramref name="path"/>.</summary>
    public List<FieldError> Validate(T value, FieldPath path)
    {
        var context = new ValidationContext<T>(value);
        context.RootContextData[PathKey] = path;
        var result = Validate(context);
        return [.. result.Errors.Select(ToFieldError)];
    }

    private static FieldPath PathOf(ValidationContext<T> context) =>
        context.RootContextData.TryGetValue(PathKey, out var path) && path is FieldPath p ? p : FieldPath.Root;

    private static FieldError ToFieldError(ValidationFailure failure) =>
        failure.CustomState as FieldError ?? FieldError.Invalid(failure.PropertyName, failure.AttemptedValue, failure.ErrorMessage);

    internal static ValidationFailure ToFailure(FieldError error) =>
        new(error.Field, error.Body, error.BadValue) { CustomState = error, ErrorCode = error.Reason };
}
