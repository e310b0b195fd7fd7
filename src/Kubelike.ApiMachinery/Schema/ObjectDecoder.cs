using System.Text.Json;
using System.Text.Json.Nodes;
using Kubelike.Api;
using Kubelike.ApiMachinery.Errors;
using Kubelike.ApiMachinery.Registry;

namespace Kubelike.ApiMachinery.Schema;

/// <summary>
/// Decodes a written object through its model type, as kube-apiserver decodes into Go structs: fields the
/// schema does not know are dropped (never stored), reported as warnings, or refused, per <see cref="FieldValidation"/>;
/// a value of the wrong type is a 400. Kinds without a model type pass through unchanged.
/// </summary>
public static class ObjectDecoder
{
    public static JsonObject Decode(JsonObject obj, ResourceDefinition resource, FieldValidation validation, ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(warnings);
        var type = ModelTypes.Find(resource);
        if (type is null)
            return obj;

        object? model = null;
        if (validation != FieldValidation.Ignore)
        {
            // One strict pass decodes a clean object; only an object with unknown fields needs a second, lenient one.
            try
            {
                model = obj.Deserialize(type, KubernetesJson.Strict);
            }
            catch (JsonException exception) when (Unknown(exception) is { } problem)
            {
                if (validation == FieldValidation.Strict)
                    throw ApiException.BadRequest($"{Prefix(resource)}strict decoding error: {problem}");
                warnings.Add(problem);
            }
            catch (JsonException)
            {
                // Type errors are reported below, the same way for every validation mode.
            }
        }

        if (model is null)
        {
            try
            {
                model = obj.Deserialize(type, KubernetesJson.Options);
            }
            catch (JsonException exception)
            {
                var field = KubernetesJson.FieldPath(exception);
                throw ApiException.BadRequest($"{Prefix(resource)}{(field is null ? "" : $"field {field}: ")}{Describe(exception)}");
            }
        }
        return JsonSerializer.SerializeToNode(model, type, KubernetesJson.Options) as JsonObject
            ?? throw ApiException.BadRequest($"{Prefix(resource)}the object is empty");
    }

    private static string Prefix(ResourceDefinition resource) => $"{resource.Kind} in version \"{resource.Version}\" cannot be handled as a {resource.Kind}: ";

    /// <summary>"unknown field \"spec.foo\"" or "duplicate field \"x\"" when that is what the strict decoder refused.</summary>
    private static string? Unknown(JsonException exception)
    {
        var message = exception.Message;
        var field = KubernetesJson.FieldPath(exception);
        if (message.Contains("could not be mapped", StringComparison.Ordinal) || message.Contains("unmapped", StringComparison.OrdinalIgnoreCase))
            return $"unknown field \"{field}\"";
        if (message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase))
            return $"duplicate field \"{field}\"";
        return null;
    }

    private static string Describe(JsonException exception)
    {
        var message = exception.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
