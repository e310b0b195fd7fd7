using System.Text.Json.Serialization;
using Kubelike.Api.Primitives;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("ResourceQuotaSpec defines the desired hard limits to enforce for Quota.")]
public class ResourceQuotaSpec
{
    [JsonPropertyName("hard")]
    [ProtoField(1)]
    [Description("hard is the set of desired hard limits for each named resource. More info: https://kubernetes.io/docs/concepts/policy/resource-quotas/")]
    public IDictionary<string, Quantity>? Hard { get; set; }

    [JsonPropertyName("scopes")]
    [ProtoField(2)]
    [ListType("atomic")]
    [EnumValues("Terminating", "NotTerminating", "BestEffort", "NotBestEffort", "PriorityClass", "CrossNamespacePodAffinity", "VolumeAttributesClass")]
    [Description("A collection of filters that must match each object tracked by a quota. If not specified, the quota matches all objects.")]
    public IList<string>? Scopes { get; set; }

    [JsonPropertyName("scopeSelector")]
    [ProtoField(3)]
    [Description("scopeSelector is also a collection of filters like scopes that must match each object tracked by a quota but expressed using ScopeSelectorOperator in combination with possible values. For a resource to match, both scopes AND scopeSelector (if specified in spec), must be matched.")]
    public ScopeSelector? ScopeSelector { get; set; }
}
