using System.Text.Json.Nodes;
using Kubelike.Api;

namespace Kubelike.Client.Rest;

/// <summary>
/// Reads the identity fields of an object, typed (<see cref="IKubernetesObject"/>) or raw (<see cref="JsonObject"/>),
/// so that one REST client, cache and informer serve both.
/// </summary>
public static class ObjectAccessor
{
    public static string? GetName(object obj) => obj switch
    {
        IKubernetesObject typed => typed.Metadata?.Name,
        JsonObject json => MetadataString(json, "name"),
        _ => throw Unsupported(obj),
    };

    public static string? GetNamespace(object obj) => obj switch
    {
        IKubernetesObject typed => typed.Metadata?.Namespace,
        JsonObject json => MetadataString(json, "namespace"),
        _ => throw Unsupported(obj),
    };

    public static string? GetResourceVersion(object obj) => obj switch
    {
        IKubernetesObject typed => typed.Metadata?.ResourceVersion,
        JsonObject json => MetadataString(json, "resourceVersion"),
        _ => throw Unsupported(obj),
    };

    public static string? GetUid(object obj) => obj switch
    {
        IKubernetesObject typed => typed.Metadata?.Uid,
        JsonObject json => MetadataString(json, "uid"),
        _ => throw Unsupported(obj),
    };

    /// <summary>The uid of the owner reference with <c>controller: true</c>, if any.</summary>
    public static string? GetControllerUid(object obj)
    {
        switch (obj)
        {
            case IKubernetesObject typed:
                return typed.Metadata?.OwnerReferences?.FirstOrDefault(o => o.Controller == true)?.Uid;
            case JsonObject json:
                if (json["metadata"] is JsonObject { } metadata && metadata["ownerReferences"] is JsonArray owners)
                {
                    foreach (var owner in owners)
                    {
                        if (owner is JsonObject o && o["controller"] is JsonValue c && c.TryGetValue<bool>(out var controller) && controller)
                            return o["uid"] is JsonValue uid && uid.TryGetValue<string>(out var text) ? text : null;
                    }
                }

                return null;
            default:
                throw Unsupported(obj);
        }
    }

    /// <summary>The cache key of an object: <c>namespace/name</c>, or <c>name</c> for a cluster-scoped one.</summary>
    public static string GetKey(object obj)
    {
        var name = GetName(obj) ?? throw new ArgumentException("the object has no metadata.name", nameof(obj));
        var ns = GetNamespace(obj);
        return string.IsNullOrEmpty(ns) ? name : $"{ns}/{name}";
    }

    /// <summary>Sets apiVersion and kind when the object has none, as the server expects them on writes.</summary>
    internal static void FillTypeMeta(object obj, ApiResource resource)
    {
        switch (obj)
        {
            case ITypeMeta typed:
                typed.ApiVersion ??= resource.ApiVersion;
                typed.Kind ??= resource.Kind;
                break;
            case JsonObject json:
                if (json["apiVersion"] is null)
                    json["apiVersion"] = resource.ApiVersion;
                if (json["kind"] is null)
                    json["kind"] = resource.Kind;
                break;
        }
    }

    private static string? MetadataString(JsonObject json, string field) =>
        json["metadata"] is JsonObject metadata && metadata[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static ArgumentException Unsupported(object obj) =>
        new($"{obj?.GetType().Name} is neither an IKubernetesObject nor a JsonObject", nameof(obj));

}
