using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("WindowsSecurityContextOptions contain Windows-specific options and credentials.")]
public class WindowsSecurityContextOptions
{
    [JsonPropertyName("gmsaCredentialSpecName")]
    [ProtoField(1)]
    [Description("GMSACredentialSpecName is the name of the GMSA credential spec to use.")]
    public string? GmsaCredentialSpecName { get; set; }

    [JsonPropertyName("gmsaCredentialSpec")]
    [ProtoField(2)]
    [Description("GMSACredentialSpec is where the GMSA admission webhook (https://github.com/kubernetes-sigs/windows-gmsa) inlines the contents of the GMSA credential spec named by the GMSACredentialSpecName field.")]
    public string? GmsaCredentialSpec { get; set; }

    [JsonPropertyName("runAsUserName")]
    [ProtoField(3)]
    [Description("The UserName in Windows to run the entrypoint of the container process. Defaults to the user specified in image metadata if unspecified. May also be set in PodSecurityContext. If set in both SecurityContext and PodSecurityContext, the value specified in SecurityContext takes precedence.")]
    public string? RunAsUserName { get; set; }

    [JsonPropertyName("hostProcess")]
    [ProtoField(4)]
    [Description("HostProcess determines if a container should be run as a 'Host Process' container. All of a Pod's containers must have the same effective HostProcess value (it is not allowed to have a mix of HostProcess containers and non-HostProcess containers). In addition, if HostProcess is true then HostNetwork must also be set to true.")]
    public bool? HostProcess { get; set; }
}
