using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("NodeSystemInfo is a set of ids/uuids to uniquely identify the node.")]
public class NodeSystemInfo
{
    [JsonPropertyName("machineID")]
    [ProtoField(1)]
    [Required]
    [Description("MachineID reported by the node. For unique machine identification in the cluster this field is preferred. Learn more from man(5) machine-id: http://man7.org/linux/man-pages/man5/machine-id.5.html")]
    public string? MachineID { get; set; }

    [JsonPropertyName("systemUUID")]
    [ProtoField(2)]
    [Required]
    [Description("SystemUUID reported by the node. For unique machine identification MachineID is preferred. This field is specific to Red Hat hosts https://access.redhat.com/documentation/en-us/red_hat_subscription_management/1/html/rhsm/uuid")]
    public string? SystemUUID { get; set; }

    [JsonPropertyName("bootID")]
    [ProtoField(3)]
    [Required]
    [Description("Boot ID reported by the node.")]
    public string? BootID { get; set; }

    [JsonPropertyName("kernelVersion")]
    [ProtoField(4)]
    [Required]
    [Description("Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).")]
    public string? KernelVersion { get; set; }

    [JsonPropertyName("osImage")]
    [ProtoField(5)]
    [Required]
    [Description("OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).")]
    public string? OsImage { get; set; }

    [JsonPropertyName("containerRuntimeVersion")]
    [ProtoField(6)]
    [Required]
    [Description("ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).")]
    public string? ContainerRuntimeVersion { get; set; }

    [JsonPropertyName("kubeletVersion")]
    [ProtoField(7)]
    [Required]
    [Description("Kubelet Version reported by the node.")]
    public string? KubeletVersion { get; set; }

    [JsonPropertyName("kubeProxyVersion")]
    [ProtoField(8)]
    [Required]
    [Description("Deprecated: KubeProxy Version reported by the node.")]
    public string? KubeProxyVersion { get; set; }

    [JsonPropertyName("operatingSystem")]
    [ProtoField(9)]
    [Required]
    [Description("The Operating System reported by the node")]
    public string? OperatingSystem { get; set; }

    [JsonPropertyName("architecture")]
    [ProtoField(10)]
    [Required]
    [Description("The Architecture reported by the node")]
    public string? Architecture { get; set; }

    [JsonPropertyName("swap")]
    [ProtoField(11)]
    [Description("Swap Info reported by the node.")]
    public NodeSwapStatus? Swap { get; set; }
}
