using System.Text.Json.Serialization;
using Kubelike.Api.Primitives;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("ResourceQuotaStatus defines the enforced hard limits and observed use.")]
public class ResourceQuotaStatus
{
    [JsonPropertyName("hard")]
    [ProtoField(1)]
    [Description("Hard is the set of enforced hard limits for each named resource. More info: https://kubernetes.io/docs/concepts/policy/resource-quotas/")]
    public IDictionary<string, Quantity>? Hard { get; set; }

    [JsonPropertyName("used")]
    [ProtoField(2)]
    [Description("Used is the current observed total usage of the resource in the namespace.")]
    public IDictionary<string, Quantity>? Used { get; set; }
}
