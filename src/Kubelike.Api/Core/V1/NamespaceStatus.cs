using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("NamespaceStatus is information about the current status of a Namespace.")]
public class NamespaceStatus
{
    [JsonPropertyName("phase")]
    [OmitEmpty]
    [ProtoField(1)]
    [EnumValues("Active", "Terminating")]
    [Description("Phase is the current lifecycle phase of the namespace. More info: https://kubernetes.io/docs/tasks/administer-cluster/namespaces/")]
    public string? Phase { get; set; }

    [JsonPropertyName("conditions")]
    [ProtoField(2)]
    [PatchStrategy("merge")]
    [PatchMergeKey("type")]
    [ListType("map")]
    [ListMapKeys("type")]
    [Description("Represents the latest available observations of a namespace's current state.")]
    public IList<NamespaceCondition>? Conditions { get; set; }
}
