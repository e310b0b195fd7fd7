using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Apps.V1;

[Description("DeploymentStrategy describes how to replace existing pods with new ones.")]
public class DeploymentStrategy
{
    [JsonPropertyName("type")]
    [OmitEmpty]
    [ProtoField(1)]
    [EnumValues("Recreate", "RollingUpdate")]
    [Description("Type of deployment. Can be \"Recreate\" or \"RollingUpdate\". Default is RollingUpdate.")]
    public string? Type { get; set; }

    [JsonPropertyName("rollingUpdate")]
    [ProtoField(2)]
    [Description("Rolling update config params. Present only if DeploymentStrategyType = RollingUpdate.")]
    public RollingUpdateDeployment? RollingUpdate { get; set; }
}
