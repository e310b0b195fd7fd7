using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("SecurityContext holds security configuration that will be applied to a container. Some fields are present in both SecurityContext and PodSecurityContext.  When both are set, the values in SecurityContext take precedence.")]
public class SecurityContext
{
    [JsonPropertyName("capabilities")]
    [ProtoField(1)]
    [Description("The capabilities to add/drop when running containers. Defaults to the default set of capabilities granted by the container runtime. Note that this field cannot be set when spec.os.name is windows.")]
    public Capabilities? Capabilities { get; set; }

    [JsonPropertyName("privileged")]
    [ProtoField(2)]
    [Description("Run container in privileged mode. Processes in privileged containers are essentially equivalent to root on the host. Defaults to false. Note that this field cannot be set when spec.os.name is windows.")]
    public bool? Privileged { get; set; }

    [JsonPropertyName("seLinuxOptions")]
    [ProtoField(3)]
    [Description("The SELinux context to be applied to the container. If unspecified, the container runtime will allocate a random SELinux context for each container.  May also be set in PodSecurityContext.  If set in both SecurityContext and PodSecurityContext, the value specified in SecurityContext takes precedence. Note that this field cannot be set when spec.os.name is windows.")]
    public SELinuxOptions? SeLinuxOptions { get; set; }

    [JsonPropertyName("windowsOptions")]
    [ProtoField(10)]
    [Description("The Windows specific settings applied to all containers. If unspecified, the options from the PodSecurityContext will be used. If set in both SecurityContext and PodSecurityContext, the value specified in SecurityContext takes precedence. Note that this field cannot be set when spec.os.name is linux.")]
    public WindowsSecurityContextOptions? WindowsOptions { get; set; }

    [JsonPropertyName("runAsUser")]
    [ProtoField(4)]
    [Description("The UID to run the entrypoint of the container process. Defaults to user specified in image metadata if unspecified. May also be set in PodSecurityContext.  If set in both SecurityContext and PodSecurityContext, the value specified in SecurityContext takes precedence. Note that this field cannot be set when spec.os.name is windows.")]
    public long? RunAsUser { get; set; }

    [JsonPropertyName("runAsGroup")]
    [ProtoField(8)]
    [Description("The GID to run the entrypoint of the container process. Uses runtime default if unset. May also be set in PodSecurityContext.  If set in both SecurityContext and PodSecurityContext, the value specified in SecurityContext takes precedence. Note that this field cannot be set when spec.os.name is windows.")]
    public long? RunAsGroup { get; set; }

    [JsonPropertyName("runAsNonRoot")]
    [ProtoField(5)]
    [Description("Indicates that the container must run as a non-root user. If true, the Kubelet will validate the image at runtime to ensure that it does not run as UID 0 (root) and fail to start the container if it does. If unset or false, no such validation will be performed. May also be set in PodSecurityContext.  If set in both SecurityContext and PodSecurityContext, the value specified in SecurityContext takes precedence.")]
    public bool? RunAsNonRoot { get; set; }

    [JsonPropertyName("readOnlyRootFilesystem")]
    [ProtoField(6)]
    [Description("Whether this container has a read-only root filesystem. Default is false. Note that this field cannot be set when spec.os.name is windows.")]
    public bool? ReadOnlyRootFilesystem { get; set; }

    [JsonPropertyName("allowPrivilegeEscalation")]
    [ProtoField(7)]
    [Description("AllowPrivilegeEscalation controls whether a process can gain more privileges than its parent process. This bool directly controls if the no_new_privs flag will be set on the container process. AllowPrivilegeEscalation is true always when the container is: 1) run as Privileged 2) has CAP_SYS_ADMIN Note that this field cannot be set when spec.os.name is windows.")]
    public bool? AllowPrivilegeEscalation { get; set; }

    [JsonPropertyName("procMount")]
    [ProtoField(9)]
    [EnumValues("Default", "Unmasked")]
    [Description("procMount denotes the type of proc mount to use for the containers. The default value is Default which uses the container runtime defaults for readonly paths and masked paths. This requires the ProcMountType feature flag to be enabled. Note that this field cannot be set when spec.os.name is windows.")]
    public string? ProcMount { get; set; }

    [JsonPropertyName("seccompProfile")]
    [ProtoField(11)]
    [Description("The seccomp options to use by this container. If seccomp options are provided at both the pod & container level, the container options override the pod options. Note that this field cannot be set when spec.os.name is windows.")]
    public SeccompProfile? SeccompProfile { get; set; }

    [JsonPropertyName("appArmorProfile")]
    [ProtoField(12)]
    [Description("appArmorProfile is the AppArmor options to use by this container. If set, this profile overrides the pod's appArmorProfile. Note that this field cannot be set when spec.os.name is windows.")]
    public AppArmorProfile? AppArmorProfile { get; set; }
}
