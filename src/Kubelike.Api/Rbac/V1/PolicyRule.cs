using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Rbac.V1;

[Description("PolicyRule holds information that describes a policy rule, but does not contain information about who the rule applies to or which namespace the rule applies to.")]
public class PolicyRule
{
    [JsonPropertyName("verbs")]
    [ProtoField(1)]
    [Required]
    [ListType("atomic")]
    [Description("Verbs is a list of Verbs that apply to ALL the ResourceKinds contained in this rule. '*' represents all verbs.")]
    public IList<string>? Verbs { get; set; }

    [JsonPropertyName("apiGroups")]
    [ProtoField(2)]
    [ListType("atomic")]
    [Description("APIGroups is the name of the APIGroup that contains the resources.  If multiple API groups are specified, any action requested against one of the enumerated resources in any API group will be allowed. \"\" represents the core API group and \"*\" represents all API groups.")]
    public IList<string>? ApiGroups { get; set; }

    [JsonPropertyName("resources")]
    [ProtoField(3)]
    [ListType("atomic")]
    [Description("Resources is a list of resources this rule applies to. '*' represents all resources.")]
    public IList<string>? Resources { get; set; }

    [JsonPropertyName("resourceNames")]
    [ProtoField(4)]
    [ListType("atomic")]
    [Description("ResourceNames is an optional white list of names that the rule applies to.  An empty set means that everything is allowed.")]
    public IList<string>? ResourceNames { get; set; }

    [JsonPropertyName("nonResourceURLs")]
    [ProtoField(5)]
    [ListType("atomic")]
    [Description("NonResourceURLs is a set of partial urls that a user should have access to.  *s are allowed, but only as the full, final step in the path Since non-resource URLs are not namespaced, this field is only applicable for ClusterRoles referenced from a ClusterRoleBinding. Rules can either apply to API resources (such as \"pods\" or \"secrets\") or non-resource URL paths (such as \"/api\"),  but not both.")]
    public IList<string>? NonResourceURLs { get; set; }
}
