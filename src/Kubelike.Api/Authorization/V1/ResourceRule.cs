using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Authorization.V1;

[Description("ResourceRule is the list of actions the subject is allowed to perform on resources. The list ordering isn't significant, may contain duplicates, and possibly be incomplete.")]
public class ResourceRule
{
    [JsonPropertyName("verbs")]
    [ProtoField(1)]
    [Required]
    [ListType("atomic")]
    [Description("Verb is a list of kubernetes resource API verbs, like: get, list, watch, create, update, delete, proxy.  \"*\" means all.")]
    public IList<string>? Verbs { get; set; }

    [JsonPropertyName("apiGroups")]
    [ProtoField(2)]
    [ListType("atomic")]
    [Description("APIGroups is the name of the APIGroup that contains the resources.  If multiple API groups are specified, any action requested against one of the enumerated resources in any API group will be allowed.  \"*\" means all.")]
    public IList<string>? ApiGroups { get; set; }

    [JsonPropertyName("resources")]
    [ProtoField(3)]
    [ListType("atomic")]
    [Description("Resources is a list of resources this rule applies to.  \"*\" means all in the specified apiGroups.\n \"*/foo\" represents the subresource 'foo' for all resources in the specified apiGroups.")]
    public IList<string>? Resources { get; set; }

    [JsonPropertyName("resourceNames")]
    [ProtoField(4)]
    [ListType("atomic")]
    [Description("ResourceNames is an optional white list of names that the rule applies to.  An empty set means that everything is allowed.  \"*\" means all.")]
    public IList<string>? ResourceNames { get; set; }
}
