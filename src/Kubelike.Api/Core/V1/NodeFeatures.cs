using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("NodeFeatures describes the set of features implemented by the CRI implementation. The features contained in the NodeFeatures should depend only on the cri implementation independent of runtime handlers.")]
public class NodeFeatures
{
    [JsonPropertyName("supplementalGroupsPolicy")]
    [ProtoField(1)]
    [Description("SupplementalGroupsPolicy is set to true if the runtime supports SupplementalGroupsPolicy and ContainerUser.")]
    public bool? SupplementalGroupsPolicy { get; set; }
}
