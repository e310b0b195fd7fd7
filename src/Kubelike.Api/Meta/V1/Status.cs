using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Meta.V1;

[Description("Status is a return value for calls that don't return other objects.")]
public class Status : ITypeMeta
{
    [JsonPropertyName("apiVersion")]
    [Description("APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources")]
    public string? ApiVersion { get; set; }

    [JsonPropertyName("kind")]
    [Description("Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds")]
    public string? Kind { get; set; }

    [JsonPropertyName("metadata")]
    [ProtoField(1)]
    [Description("Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds")]
    public ListMeta? Metadata { get; set; }

    [JsonPropertyName("status")]
    [OmitEmpty]
    [ProtoField(2)]
    [Description("Status of the operation. One of: \"Success\" or \"Failure\". More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status")]
    public string? StatusValue { get; set; }

    [JsonPropertyName("message")]
    [OmitEmpty]
    [ProtoField(3)]
    [Description("A human-readable description of the status of this operation.")]
    public string? Message { get; set; }

    [JsonPropertyName("reason")]
    [OmitEmpty]
    [ProtoField(4)]
    [Description("A machine-readable description of why this operation is in the \"Failure\" status. If this value is empty there is no information available. A Reason clarifies an HTTP status code but does not override it.")]
    public string? Reason { get; set; }

    [JsonPropertyName("details")]
    [ProtoField(5)]
    [Description("Extended data associated with the reason.  Each reason may define its own extended details. This field is optional and the data returned is not guaranteed to conform to any schema except that defined by the reason type.")]
    public StatusDetails? Details { get; set; }

    [JsonPropertyName("code")]
    [OmitEmpty]
    [ProtoField(6)]
    [Description("Suggested HTTP return code for this status, 0 if not set.")]
    public int? Code { get; set; }
}
