using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Batch.V1;

[Description("UncountedTerminatedPods holds UIDs of Pods that have terminated but haven't been accounted in Job status counters.")]
public class UncountedTerminatedPods
{
    [JsonPropertyName("succeeded")]
    [ProtoField(1)]
    [ListType("set")]
    [Description("succeeded holds UIDs of succeeded Pods.")]
    public IList<string>? Succeeded { get; set; }

    [JsonPropertyName("failed")]
    [ProtoField(2)]
    [ListType("set")]
    [Description("failed holds UIDs of failed Pods.")]
    public IList<string>? Failed { get; set; }
}
