using System.Text.Json.Nodes;
using Kubelike.Api.Primitives;

namespace Kubelike.ApiMachinery.OpenApi;

/// <summary>
/// The component names upstream gives the schemas (the Go package path of the type, reversed):
/// <c>Kubelike.Api.Apps.V1.Deployment</c> is <c>io.k8s.api.apps.v1.Deployment</c>, the meta/v1 types live under
/// <c>io.k8s.apimachinery.pkg.apis.meta.v1</c>. Clients look schemas up by these names (kubectl explain by GVK,
/// client-side apply by name), so they follow upstream exactly.
/// </summary>
internal static class SchemaNames
{
    public const string MetaV1 = "io.k8s.apimachinery.pkg.apis.meta.v1";
    public const string Time = MetaV1 + ".Time";
    public const string MicroTime = MetaV1 + ".MicroTime";
    public const string FieldsV1 = MetaV1 + ".FieldsV1";
    public const string Patch = MetaV1 + ".Patch";
    public const string Quantity = "io.k8s.apimachinery.pkg.api.resource.Quantity";
    public const string IntOrString = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";
    public const string RawExtension = "io.k8s.apimachinery.pkg.runtime.RawExtension";

    private const string ModelNamespace = "Kubelike.Api.";

    /// <summary>The component name of a model type or primitive.</summary>
    public static string Of(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(Time))
            return Time;
        if (type == typeof(MicroTime))
            return MicroTime;
        if (type == typeof(Quantity))
            return Quantity;
        if (type == typeof(IntOrString))
            return IntOrString;
        var ns = type.Namespace ?? "";
        if (!ns.StartsWith(ModelNamespace, StringComparison.Ordinal))
            throw new ArgumentException($"{type} is not a Kubelike.Api model type", nameof(type));
        // "Apps.V1" → "apps.v1"; meta/v1 is apimachinery's.
        var groupVersion = ns[ModelNamespace.Length..].ToLowerInvariant();
        return groupVersion == "meta.v1" ? $"{MetaV1}.{type.Name}" : $"io.k8s.api.{groupVersion}.{type.Name}";
    }

    /// <summary>A reference to a component: <c>{"$ref": "#/components/schemas/NAME"}</c>.</summary>
    public static JsonObject Reference(string name) => new() { ["$ref"] = "#/components/schemas/" + name };
}
