using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Networking.V1;

[Description("IngressClassParametersReference identifies an API object. This can be used to specify a cluster or namespace-scoped resource.")]
public class IngressClassParametersReference
{
    [JsonPropertyName("apiGroup")]
    [ProtoField(1)]
    [Description("apiGroup is the group for the resource being referenced. If APIGroup is not specified, the specified Kind must be in the core API group. For any other third-party types, APIGroup is required.")]
    public string? ApiGroup { get; set; }

    [JsonPropertyName("kind")]
    [ProtoField(2)]
    [Required]
    [Description("kind is the type of resource being referenced.")]
    public string? Kind { get; set; }

    [JsonPropertyName("name")]
    [ProtoField(3)]
    [Required]
    [Description("name is the name of resource being referenced.")]
    public string? Name { get; set; }

    [JsonPropertyName("scope")]
    [ProtoField(4)]
    [Description("scope represents if this refers to a cluster or namespace scoped resource. This may be set to \"Cluster\" (default) or \"Namespace\".")]
    public string? Scope { get; set; }

    [JsonPropertyName("namespace")]
    [ProtoField(5)]
    [Description("namespace is the namespace of the resource being referenced. This field is required when scope is set to \"Namespace\" and must be unset when scope is set to \"Cluster\".")]
    public string? Namespace { get; set; }
}
