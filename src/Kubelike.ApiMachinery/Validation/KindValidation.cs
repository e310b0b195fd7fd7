using System.Text.Json;
using System.Text.Json.Nodes;
using Kubelike.Api;
using Kubelike.ApiMachinery.Errors;

namespace Kubelike.ApiMachinery.Validation;

/// <summary>The validation of one kind, on its decoded JSON.</summary>
internal interface IKindValidation
{
    List<FieldError> Create(JsonObject obj);

    List<FieldError> Update(JsonObject updated, JsonObject existing);

    List<FieldError> StatusUpdate(JsonObject updated, JsonObject existing);
}

/// <summary>
/// Binds a kind's typed model to its validators: <paramref name="create"/> checks every object written (upstream
/// validates the whole new object on update too), <paramref name="update"/> adds the rules that compare with the
/// stored object, <paramref name="status"/> checks writes to /status.
/// </summary>
internal sealed class KindValidation<T>(
    FieldValidator<T> create,
    FieldValidator<ObjectUpdate<T>>? update = null,
    FieldValidator<ObjectUpdate<T>>? status = null,
    FieldValidator<T>? createOnly = null) : IKindValidation
    where T : class
{
    public List<FieldError> Create(JsonObject obj)
    {
        if (Read(obj) is not { } typed)
        {
            return [];
        }
        var errors = create.Validate(typed, FieldPath.Root);
        if (createOnly is not null)
        {
            errors.AddRange(createOnly.Validate(typed, FieldPath.Root));
        }
        return errors;
    }

    public List<FieldError> Update(JsonObject updated, JsonObject existing)
    {
        if (Read(updated) is not { } next)
        {
            return [];
        }
        var errors = create.Validate(next, FieldPath.Root);
        if (update is not null && Read(existing) is { } old)
        {
            errors.AddRange(update.Validate(new ObjectUpdate<T>(next, old), FieldPath.Root));
        }
        return errors;
    }

    public List<FieldError> StatusUpdate(JsonObject updated, JsonObject existing) =>
        status is not null && Read(updated) is { } next && Read(existing) is { } old
            ? status.Validate(new ObjectUpdate<T>(next, old), FieldPath.Root)
            : [];

    /// <summary>
    /// The typed object, or null when the JSON does not fit the model (decoding reported that already, or it was let
    /// through on purpose with fieldValidation=Ignore; per-kind rules then have nothing sound to check).
    /// </summary>
    private static T? Read(JsonObject obj)
    {
        try
        {
            return obj.Deserialize<T>(KubernetesJson.Options);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or OverflowException)
        {
            return null;
        }
    }
}
