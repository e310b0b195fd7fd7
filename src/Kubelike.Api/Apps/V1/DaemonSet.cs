using System.Text.Json.Serialization;
using Kubelike.Api.Meta.V1;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Apps.V1;

[Description("DaemonSet represents the configuration of a daemon set.")]
[KubernetesKind("apps", "v1", "DaemonSet")]
public class DaemonSet : IKubernetesObject
{
    [JsonPropertyName("apiVersion")]
    [Description("APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources")]
    public string? ApiVersion { get; set; }

    [JsonPropertyName("kind")]
    [Description("Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds")]
    public string? Kind { get; set; }

    [JsonPropertyName("metadata")]
    [ProtoField(1)]
    [Description("Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata")]
    public ObjectMeta? Metadata { get; set; }

    [JsonPropertyName("spec")]
    [ProtoField(2)]
    [Description("The desired behavior of this daemon set. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status")]
    public DaemonSetSpec? Spec { get; set; }

    [JsonPropertyName("status")]
    [ProtoField(3)]
    [Description("The current status of this daemon set. This data may be out of date by some window of time. Populated by the system. Read-only. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status")]
    public DaemonSetStatus? Status { get; set; }
}
