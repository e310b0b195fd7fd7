using System.Text.Json.Serialization;
using Kubelike.Api.Meta.V1;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Batch.V1;

[Description("JobTemplateSpec describes the data a Job should have when created from a template")]
public class JobTemplateSpec
{
    [JsonPropertyName("metadata")]
    [ProtoField(1)]
    [Description("Standard object's metadata of the jobs created from this template. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata")]
    public ObjectMeta? Metadata { get; set; }

    [JsonPropertyName("spec")]
    [ProtoField(2)]
    [Description("Specification of the desired behavior of the job. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status")]
    public JobSpec? Spec { get; set; }
}
