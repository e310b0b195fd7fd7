using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Authorization.V1;

[Description("ResourceAttributes includes the authorization attributes available for resource requests to the Authorizer interface")]
public class ResourceAttributes
{
    [JsonPropertyName("namespace")]
    [OmitEmpty]
    [ProtoField(1)]
    [Description("Namespace is the namespace of the action being requested.  Currently, there is no distinction between no namespace and all namespaces \"\" (empty) is defaulted for LocalSubjectAccessReviews \"\" (empty) is empty for cluster-scoped resources \"\" (empty) means \"all\" for namespace scoped resources from a SubjectAccessReview or SelfSubjectAccessReview")]
    public string? Namespace { get; set; }

    [JsonPropertyName("verb")]
    [OmitEmpty]
    [ProtoField(2)]
    [Description("Verb is a kubernetes resource API verb, like: get, list, watch, create, update, delete, proxy.  \"*\" means all.")]
    public string? Verb { get; set; }

    [JsonPropertyName("group")]
    [OmitEmpty]
    [ProtoField(3)]
    [Description("Group is the API Group of the Resource.  \"*\" means all.")]
    public string? Group { get; set; }

    [JsonPropertyName("version")]
    [OmitEmpty]
    [ProtoField(4)]
    [Description("Version is the API Version of the Resource.  \"*\" means all.")]
    public string? Version { get; set; }

    [JsonPropertyName("resource")]
    [OmitEmpty]
    [ProtoField(5)]
    [Description("Resource is one of the existing resource types.  \"*\" means all.")]
    public string? Resource { get; set; }

    [JsonPropertyName("subresource")]
    [OmitEmpty]
    [ProtoField(6)]
    [Description("Subresource is one of the existing resource types.  \"\" means none.")]
    public string? Subresource { get; set; }

    [JsonPropertyName("name")]
    [OmitEmpty]
    [ProtoField(7)]
    [Description("Name is the name of the resource being requested for a \"get\" or deleted for a \"delete\". \"\" (empty) means all.")]
    public string? Name { get; set; }

    [JsonPropertyName("fieldSelector")]
    [ProtoField(8)]
    [Description("fieldSelector describes the limitation on access based on field.  It can only limit access, not broaden it.\n\nThis field  is alpha-level. To use this field, you must enable the `AuthorizeWithSelectors` feature gate (disabled by default).")]
    public FieldSelectorAttributes? FieldSelector { get; set; }

    [JsonPropertyName("labelSelector")]
    [ProtoField(9)]
    [Description("labelSelector describes the limitation on access based on labels.  It can only limit access, not broaden it.\n\nThis field  is alpha-level. To use this field, you must enable the `AuthorizeWithSelectors` feature gate (disabled by default).")]
    public LabelSelectorAttributes? LabelSelector { get; set; }
}
