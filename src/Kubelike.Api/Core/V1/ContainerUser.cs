using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("ContainerUser represents user identity information")]
public class ContainerUser
{
    [JsonPropertyName("linux")]
    [ProtoField(1)]
    [Description("Linux holds user identity information initially attached to the first process of the containers in Linux. Note that the actual running identity can be changed if the process has enough privilege to do so.")]
    public LinuxContainerUser? Linux { get; set; }
}
