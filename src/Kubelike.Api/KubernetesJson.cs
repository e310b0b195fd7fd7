using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Kubelike.Api.Primitives;
using Kubelike.Api.Schema;

namespace Kubelike.Api;

/// <summary>
/// JSON with the Kubernetes conventions the official clients use: the model types carry their exact field names,
/// nulls are omitted, times are RFC 3339, <see cref="IntOrString"/> is a number or a string, <see cref="Quantity"/>
/// a string, <c>byte[]</c> base64. Property names are case-sensitive, as upstream decoding is.
/// </summary>
public static class KubernetesJson
{
    /// <summary>Lenient options: unknown fields are dropped (upstream <c>fieldValidation=Ignore</c>).</summary>
    public static JsonSerializerOptions Options { get; } = Freeze(CreateOptions());

    /// <summary>
    /// Strict options (<c>fieldValidation=Strict</c>): an unknown field or a duplicate field fails deserialization
    /// with a <see cref="JsonException"/> whose <see cref="JsonException.Path"/> names it.
    /// </summary>
    public static JsonSerializerOptions Strict { get; } = Freeze(CreateOptions(strict: true));

    /// <summary>A new, mutable copy of the options, for callers that add their own settings.</summary>
    public static JsonSerializerOptions CreateOptions(bool strict = false)
    {
        var options = new JsonSerializerOptions
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            PropertyNameCaseInsensitive = false,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            MaxDepth = 256,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitEmptyValues } },
        };
        options.Converters.Add(new TimeJsonConverter());
        options.Converters.Add(new MicroTimeJsonConverter());
        options.Converters.Add(new QuantityJsonConverter());
        options.Converters.Add(new IntOrStringJsonConverter());
        if (strict)
        {
            options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            options.AllowDuplicateProperties = false;
        }

        return options;
    }

    /// <summary>Zero values of <see cref="OmitEmptyAttribute"/> fields are not written, as Go's encoding/json omits them.</summary>
    private static void OmitEmptyValues(JsonTypeInfo typeInfo)
    {
        foreach (var property in typeInfo.Properties)
        {
            if (property.AttributeProvider?.IsDefined(typeof(OmitEmptyAttribute), inherit: false) == true)
                property.ShouldSerialize = static (_, value) => !IsZero(value);
        }
    }

    private static bool IsZero(object? value) => value switch
    {
        null => true,
        bool b => !b,
        int i => i == 0,
        long l => l == 0,
        double d => d == 0,
        string s => s.Length == 0,
        _ => false,
    };

    public static string Serialize<T>(T value, JsonSerializerOptions? options = null) =>
        JsonSerializer.Serialize(value, options ?? Options);

    public static byte[] SerializeToUtf8Bytes<T>(T value, JsonSerializerOptions? options = null) =>
        JsonSerializer.SerializeToUtf8Bytes(value, options ?? Options);

    public static JsonNode? SerializeToNode<T>(T value, JsonSerializerOptions? options = null) =>
        JsonSerializer.SerializeToNode(value, options ?? Options);

    public static T? Deserialize<T>(string json, bool strict = false) =>
        JsonSerializer.Deserialize<T>(json, strict ? Strict : Options);

    public static T? Deserialize<T>(ReadOnlySpan<byte> utf8Json, bool strict = false) =>
        JsonSerializer.Deserialize<T>(utf8Json, strict ? Strict : Options);

    public static T? Deserialize<T>(JsonNode? node, bool strict = false) =>
        node is null ? default : node.Deserialize<T>(strict ? Strict : Options);

    public static object? Deserialize(string json, Type type, bool strict = false) =>
        JsonSerializer.Deserialize(json, type, strict ? Strict : Options);

    /// <summary>
    /// The field path of a <see cref="JsonException"/> in upstream form (<c>$.spec.foo</c> → <c>spec.foo</c>,
    /// <c>$.items[0].x</c> → <c>items[0].x</c>), or null when the exception carries no path.
    /// </summary>
    public static string? FieldPath(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var path = exception.Path;
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        if (path.StartsWith("$.", StringComparison.Ordinal))
        {
            return path[2..];
        }

        return path.StartsWith('$') ? path[1..] : path;
    }

    private static JsonSerializerOptions Freeze(JsonSerializerOptions options)
    {
        options.MakeReadOnly();
        return options;
    }
}
