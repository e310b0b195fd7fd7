using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Registry;
using Kubelike.ApiServer.Hosting;
using Kubelike.ApiServer.Resources;

namespace Kubelike.ApiServer.Admission;

/// <summary>
/// Upstream's DefaultTolerationSeconds plugin: a pod created without a toleration for the <c>not-ready</c> or
/// <c>unreachable</c> NoExecute taints gets one with <c>tolerationSeconds</c> (300 unless configured), so its pods
/// outlive a brief node outage and are evicted after a long one.
/// </summary>
public sealed class DefaultTolerationSeconds(ResourceRegistry registry, ApiServerOptions options) : IMutatingAdmissionPlugin
{
    public const string NotReadyTaint = "node.kubernetes.io/not-ready";
    public const string UnreachableTaint = "node.kubernetes.io/unreachable";

    private readonly ResourceDefinition _pods = registry.Find("", "v1", "pods")!;

    public string Name => "DefaultTolerationSeconds";

    public ValueTask MutateAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Resource != _pods || request.Subresource.Length > 0 || request.Operation != AdmissionOperation.Create || request.NewObject is not { } pod)
            return ValueTask.CompletedTask;
        var spec = pod["spec"] as JsonObject ?? (JsonObject)(pod["spec"] = new JsonObject());
        var tolerations = spec["tolerations"] as JsonArray;
        var notReady = Tolerates(tolerations, NotReadyTaint);
        var unreachable = Tolerates(tolerations, UnreachableTaint);
        if (notReady && unreachable)
            return ValueTask.CompletedTask;
        tolerations ??= (JsonArray)(spec["tolerations"] = new JsonArray());
        if (!notReady)
            tolerations.Add(Toleration(NotReadyTaint, options.DefaultNotReadyTolerationSeconds));
        if (!unreachable)
            tolerations.Add(Toleration(UnreachableTaint, options.DefaultUnreachableTolerationSeconds));
        return ValueTask.CompletedTask;
    }

    /// <summary>As upstream decides it: a toleration for the key (or any key) with the NoExecute (or any) effect.</summary>
    private static bool Tolerates(JsonArray? tolerations, string key) => tolerations?.OfType<JsonObject>().Any(t =>
        (ObjectJson.GetString(t, "key") is var k && (string.IsNullOrEmpty(k) || k == key))
        && (ObjectJson.GetString(t, "effect") is var effect && (string.IsNullOrEmpty(effect) || effect == "NoExecute"))) == true;

    private static JsonObject Toleration(string key, long seconds) => new()
    {
        ["key"] = key,
        ["operator"] = "Exists",
        ["effect"] = "NoExecute",
        ["tolerationSeconds"] = seconds,
    };
}
