using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("ObjectReference contains enough information to let you inspect or modify the referred object.")]
[StructType("atomic")]
public class ObjectReference
{
    [JsonPropertyName("kind")]
    [OmitEmpty]
    [ProtoField(1)]
    [Description("Kind of the referent. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds")]
    public string? Kind { get; set; }

    [JsonPropertyName("namespace")]
    [OmitEmpty]
    [ProtoField(2)]
    [Description("Namespace of the referent. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/")]
    public string? Namespace { get; set; }

    [JsonPropertyName("name")]
    [OmitEmpty]
    [ProtoField(3)]
    [Description("Name of the referent. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names")]
    public string? Name { get; set; }

    [JsonPropertyName("uid")]
    [OmitEmpty]
    [ProtoField(4)]
    [Description("UID of the referent. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#uids")]
    public string? Uid { get; set; }

    [JsonPropertyName("apiVersion")]
    [OmitEmpty]
    [ProtoField(5)]
    [Description("API version of the referent.")]
    public string? ApiVersion { get; set; }

    [JsonPropertyName("resourceVersion")]
    [OmitEmpty]
    [ProtoField(6)]
    [Description("Specific resourceVersion to which this reference is made, if any. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#concurrency-control-and-consistency")]
    public string? ResourceVersion { get; set; }

    [JsonPropertyName("fieldPath")]
    [OmitEmpty]
    [ProtoField(7)]
    [Description("If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2]. For example, if the object reference is to a container within a pod, this would take on a value like: \"spec.containers{name}\" (where \"name\" refers to the name of the container that triggered the event) or if no container name is specified \"spec.containers[2]\" (container with index 2 in this pod). This syntax is chosen only to have some well-defined way of referencing a part of an object.")]
    public string? FieldPath { get; set; }
}
