using System.Text.Json.Serialization;
using Kubelike.Api.Meta.V1;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Rbac.V1;

[Description("AggregationRule describes how to locate ClusterRoles to aggregate into the ClusterRole")]
public class AggregationRule
{
    [JsonPropertyName("clusterRoleSelectors")]
    [ProtoField(1)]
    [ListType("atomic")]
    [Description("ClusterRoleSelectors holds a list of selectors which will be used to find ClusterRoles and create the rules. If any of the selectors match, then the ClusterRole's permissions will be added")]
    public IList<LabelSelector>? ClusterRoleSelectors { get; set; }
}
