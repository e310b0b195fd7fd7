using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Registry;

namespace Kubelike.ApiServer.Resources;

/// <summary>
/// Upstream's namespace registry rules. A namespace is created Active with the <c>kubernetes</c> finalizer in
/// spec.finalizers; a DELETE only marks it (deletionTimestamp, phase Terminating) and it is removed once its
/// spec.finalizers and metadata.finalizers are both empty. spec.finalizers changes only through the
/// <c>finalize</c> subresource, which changes nothing else, so the namespace controller's removal cannot be
/// undone by an ordinary update or by defaulting.
/// </summary>
internal static class NamespaceFinalization
{
    public const string FinalizeSubresource = "finalize";
    public const string KubernetesFinalizer = "kubernetes";
    public const string Terminating = "Terminating";

    public static bool Applies(ResourceDefinition resource) => resource.Group.Length == 0 && resource.Plural == "namespaces";

    /// <summary>On create, status is Active and the kubernetes finalizer is there (added after any the client asked for).</summary>
    public static void PrepareForCreate(JsonObject obj)
    {
        var spec = obj["spec"] as JsonObject ?? [];
        obj["spec"] = spec;
        var finalizers = spec["finalizers"] as JsonArray ?? [];
        spec["finalizers"] = finalizers;
        if (!SpecFinalizers(obj).Contains(KubernetesFinalizer))
            finalizers.Add(KubernetesFinalizer);
        obj["status"] = new JsonObject { ["phase"] = "Active" };
    }

    /// <summary>An ordinary update (and a status update) keeps the stored spec.finalizers.</summary>
    public static void KeepSpecFinalizers(JsonObject updated, JsonObject current)
    {
        var finalizers = current["spec"]?["finalizers"]?.DeepClone();
        if (updated["spec"] is not JsonObject spec)
        {
            if (finalizers is null)
                return;
            updated["spec"] = spec = [];
        }
        if (finalizers is null)
            spec.Remove("finalizers");
        else
            spec["finalizers"] = finalizers;
    }

    /// <summary>The namespace a finalize request stores: the stored one with the request's spec.finalizers.</summary>
    public static JsonObject Finalize(JsonObject current, JsonObject request)
    {
        var updated = (JsonObject)current.DeepClone();
        var spec = updated["spec"] as JsonObject ?? [];
        updated["spec"] = spec;
        if (request["spec"]?["finalizers"] is JsonArray finalizers && finalizers.Count > 0)
            spec["finalizers"] = finalizers.DeepClone();
        else
            spec.Remove("finalizers");
        return updated;
    }

    /// <summary>Marks the namespace for deletion: deletionTimestamp (kept if set) and phase Terminating.</summary>
    public static JsonObject MarkTerminating(JsonObject current, string now)
    {
        var marked = (JsonObject)current.DeepClone();
        var metadata = ObjectJson.Metadata(marked);
        metadata["deletionTimestamp"] ??= now;
        var status = marked["status"] as JsonObject ?? [];
        marked["status"] = status;
        status["phase"] = Terminating;
        return marked;
    }

    public static bool IsMarked(JsonObject ns) => ns["metadata"]?["deletionTimestamp"] is not null;

    public static List<string> SpecFinalizers(JsonObject ns) =>
        ns["spec"]?["finalizers"] is JsonArray finalizers
            ? [.. finalizers.Select(f => f is JsonValue value && value.TryGetValue<string>(out var text) ? text : "")]
            : [];
}
