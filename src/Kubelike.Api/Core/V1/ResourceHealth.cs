using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("ResourceHealth represents the health of a resource. It has the latest device health information. This is a part of KEP https://kep.k8s.io/4680.")]
public class ResourceHealth
{
    [JsonPropertyName("resourceID")]
    [ProtoField(1)]
    [Required]
    [Description("ResourceID is the unique identifier of the resource. See the ResourceID type for more information.")]
    public string? ResourceID { get; set; }

    [JsonPropertyName("health")]
    [OmitEmpty]
    [ProtoField(2)]
    [Description("Health of the resource. can be one of:\n - Healthy: operates as normal\n - Unhealthy: reported unhealthy. We consider this a temporary health issue\n              since we do not have a mechanism today to distinguish\n              temporary and permanent issues.\n - Unknown: The status cannot be determined.\n            For example, Device Plugin got unregistered and hasn't been re-registered since.\n\nIn future we may want to introduce the PermanentlyUnhealthy Status.")]
    public string? Health { get; set; }
}
