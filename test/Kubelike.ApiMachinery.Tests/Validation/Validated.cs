using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Conversion;
using Kubelike.ApiMachinery.Defaulting;
using Kubelike.ApiMachinery.Errors;
using Kubelike.ApiMachinery.Registry;
using Kubelike.ApiMachinery.Schema;
using Kubelike.ApiMachinery.Validation;

namespace Kubelike.ApiMachinery.Tests.Validation;

/// <summary>Runs an object through what the write path does before validating it (decode, default, convert), then validates it.</summary>
internal static class Validated
{
    public static JsonObject Prepare(string json)
    {
        var obj = (JsonObject)JsonNode.Parse(json)!;
        var resource = ResourceOf(obj);
        var decoded = ObjectDecoder.Decode(obj, resource, FieldValidation.Strict, new List<string>());
        ObjectDefaulter.Apply(resource, decoded);
        WriteConversions.Apply(resource, decoded);
        return decoded;
    }

    public static List<FieldError> Create(string json)
    {
        var obj = Prepare(json);
        return ObjectValidation.ValidateCreate(ResourceOf(obj), obj);
    }

    public static List<FieldError> Update(string oldJson, string newJson)
    {
        var old = Prepare(oldJson);
        var next = Prepare(newJson);
        return ObjectValidation.ValidateUpdate(ResourceOf(next), next, old);
    }

    /// <summary>The errors as "path: message" lines, which is what a user reads.</summary>
    public static List<string> Lines(IEnumerable<FieldError> errors) => [.. errors.Select(e => e.ToString())];

    private static ResourceDefinition ResourceOf(JsonObject obj) =>
        ResourceRegistry.BuiltIn.FindByKind((string)obj["apiVersion"]!, (string)obj["kind"]!)
        ?? throw new ArgumentException("unknown kind");
}
