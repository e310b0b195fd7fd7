using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Autoscaling.V1;

[Description("ScaleStatus represents the current status of a scale subresource.")]
public class ScaleStatus
{
    [JsonPropertyName("replicas")]
    [ProtoField(1)]
    [Required]
    [Description("replicas is the actual number of observed instances of the scaled object.")]
    public int? Replicas { get; set; }

    [JsonPropertyName("selector")]
    [OmitEmpty]
    [ProtoField(2)]
    [Description("selector is the label query over pods that should match the replicas count. This is same as the label selector but in the string format to avoid introspection by clients. The string will be in the same format as the query-param syntax. More info about label selectors: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/")]
    public string? Selector { get; set; }
}
