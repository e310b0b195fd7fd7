using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Autoscaling.V1;

[Description("ScaleSpec describes the attributes of a scale subresource.")]
public class ScaleSpec
{
    [JsonPropertyName("replicas")]
    [OmitEmpty]
    [ProtoField(1)]
    [Description("replicas is the desired number of instances for the scaled object.")]
    public int? Replicas { get; set; }
}
