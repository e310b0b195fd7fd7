using System.Text.Json.Nodes;
using Kubelike.Api;
using Kubelike.Api.Core.V1;
using Kubelike.Controllers.Runtime;

namespace Kubelike.Controllers.Deployments;

/// <summary>
/// The <c>pod-template-hash</c> label value: the <see cref="ObjectHash"/> of the template with the hash label itself
/// left out, and the collision count.
/// </summary>
public static class PodTemplateHash
{
    public const string Label = "pod-template-hash";

    public static string Compute(PodTemplateSpec template, int? collisionCount) => ObjectHash.Compute(WithoutLabel(template), collisionCount);

    /// <summary>Whether two templates are the same apart from the hash label.</summary>
    public static bool SameTemplate(PodTemplateSpec? a, PodTemplateSpec? b) =>
        ObjectHash.Canonical(WithoutLabel(a ?? new PodTemplateSpec())) == ObjectHash.Canonical(WithoutLabel(b ?? new PodTemplateSpec()));

    private static JsonNode WithoutLabel(PodTemplateSpec template)
    {
        var node = KubernetesJson.SerializeToNode(template)!;
        if (node["metadata"]?["labels"] is JsonObject labels)
            labels.Remove(Label);
        return node;
    }
}
