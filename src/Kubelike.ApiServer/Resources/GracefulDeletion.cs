using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Registry;

namespace Kubelike.ApiServer.Resources;

/// <summary>
/// Pods bound to a node are deleted gracefully, as upstream does: the pod is marked with deletionTimestamp and
/// deletionGracePeriodSeconds and its node agent removes it once the containers have stopped. An unbound pod, or
/// a grace period of 0, is deleted at once. Other kinds have no grace period.
/// </summary>
internal static class GracefulDeletion
{
    private const long DefaultPodGracePeriodSeconds = 30;

    /// <summary>The grace period to wait, or null to delete now.</summary>
    public static long? GracePeriodSeconds(ResourceDefinition resource, JsonObject obj, JsonObject? options)
    {
        if (resource.Group.Length != 0 || resource.Plural != "pods")
            return null;
        var spec = obj["spec"] as JsonObject;
        if (spec?["nodeName"] is not JsonValue node || !node.TryGetValue<string>(out var nodeName) || nodeName.Length == 0)
            return null;
        long? requested = options?["gracePeriodSeconds"] is JsonValue value && value.TryGetValue<long>(out var seconds) ? seconds : null;
        var grace = requested
            ?? (spec["terminationGracePeriodSeconds"] is JsonValue fromSpec && fromSpec.TryGetValue<long>(out var specSeconds) ? specSeconds : DefaultPodGracePeriodSeconds);
        return grace <= 0 ? null : grace;
    }
}
