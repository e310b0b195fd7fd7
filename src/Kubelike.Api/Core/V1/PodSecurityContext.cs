using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("PodSecurityContext holds pod-level security attributes and common container settings. Some fields are also present in container.securityContext.  Field values of container.securityContext take precedence over field values of PodSecurityContext.")]
public class PodSecurityContext
{
    [JsonPropertyName("seLinuxOptions")]
    [ProtoField(1)]
    [Description("The SELinux context to be applied to all containers. If unspecified, the container runtime will allocate a random SELinux context for each container.  May also be set in SecurityContext.  If set in both SecurityContext and PodSecurityContext, the value specified in SecurityContext takes precedence for that container. Note that this field cannot be set when spec.os.name is windows.")]
    public SELinuxOptions? SeLinuxOptions { get; set; }

    [JsonPropertyName("windowsOptions")]
    [ProtoField(8)]
    [Description("The Windows specific settings applied to all containers. If unspecified, the options within a container's SecurityContext will be used. If set in both SecurityContext and PodSecurityContext, the value specified in SecurityContext takes precedence. Note that this field cannot be set when spec.os.name is linux.")]
    public WindowsSecurityContextOptions? WindowsOptions { get; set; }

    [JsonPropertyName("runAsUser")]
    [ProtoField(2)]
    [Description("The UID to run the entrypoint of the container process. Defaults to user specified in image metadata if unspecified. May also be set in SecurityContext.  If set in both SecurityContext and PodSecurityContext, the value specified in SecurityContext takes precedence for that container. Note that this field cannot be set when spec.os.name is windows.")]
    public long? RunAsUser { get; set; }

    [JsonPropertyName("runAsGroup")]
    [ProtoField(6)]
    [Description("The GID to run the entrypoint of the container process. Uses runtime default if unset. May also be set in SecurityContext.  If set in both SecurityContext and PodSecurityContext, the value specified in SecurityContext takes precedence for that container. Note that this field cannot be set when spec.os.name is windows.")]
    public long? RunAsGroup { get; set; }

    [JsonPropertyName("runAsNonRoot")]
    [ProtoField(3)]
    [Description("Indicates that the container must run as a non-root user. If true, the Kubelet will validate the image at runtime to ensure that it does not run as UID 0 (root) and fail to start the container if it does. If unset or false, no such validation will be performed. May also be set in SecurityContext.  If set in both SecurityContext and PodSecurityContext, the value specified in SecurityContext takes precedence.")]
    public bool? RunAsNonRoot { get; set; }

    [JsonPropertyName("supplementalGroups")]
    [ProtoField(4)]
    [ListType("atomic")]
    [Description("A list of groups applied to the first process run in each container, in addition to the container's primary GID and fsGroup (if specified).  If the SupplementalGroupsPolicy feature is enabled, the supplementalGroupsPolicy field determines whether these are in addition to or instead of any group memberships defined in the container image. If unspecified, no additional groups are added, though group memberships defined in the container image may still be used, depending on the supplementalGroupsPolicy field. Note that this field cannot be set when spec.os.name is windows.")]
    public IList<long>? SupplementalGroups { get; set; }

    [JsonPropertyName("supplementalGroupsPolicy")]
    [ProtoField(12)]
    [EnumValues("Merge", "Strict")]
    [Description("Defines how supplemental groups of the first container processes are calculated. Valid values are \"Merge\" and \"Strict\". If not specified, \"Merge\" is used. (Alpha) Using the field requires the SupplementalGroupsPolicy feature gate to be enabled and the container runtime must implement support for this feature. Note that this field cannot be set when spec.os.name is windows.")]
    public string? SupplementalGroupsPolicy { get; set; }

    [JsonPropertyName("fsGroup")]
    [ProtoField(5)]
    [Description("A special supplemental group that applies to all containers in a pod. Some volume types allow the Kubelet to change the ownership of that volume to be owned by the pod:\n\n1. The owning GID will be the FSGroup 2. The setgid bit is set (new files created in the volume will be owned by FSGroup) 3. The permission bits are OR'd with rw-rw")]
    public long? FsGroup { get; set; }

    [JsonPropertyName("sysctls")]
    [ProtoField(7)]
    [ListType("atomic")]
    [Description("Sysctls hold a list of namespaced sysctls used for the pod. Pods with unsupported sysctls (by the container runtime) might fail to launch. Note that this field cannot be set when spec.os.name is windows.")]
    public IList<Sysctl>? Sysctls { get; set; }

    [JsonPropertyName("fsGroupChangePolicy")]
    [ProtoField(9)]
    [EnumValues("OnRootMismatch", "Always")]
    [Description("fsGroupChangePolicy defines behavior of changing ownership and permission of the volume before being exposed inside Pod. This field will only apply to volume types which support fsGroup based ownership(and permissions). It will have no effect on ephemeral volume types such as: secret, configmaps and emptydir. Valid values are \"OnRootMismatch\" and \"Always\". If not specified, \"Always\" is used. Note that this field cannot be set when spec.os.name is windows.")]
    public string? FsGroupChangePolicy { get; set; }

    [JsonPropertyName("seccompProfile")]
    [ProtoField(10)]
    [Description("The seccomp options to use by the containers in this pod. Note that this field cannot be set when spec.os.name is windows.")]
    public SeccompProfile? SeccompProfile { get; set; }

    [JsonPropertyName("appArmorProfile")]
    [ProtoField(11)]
    [Description("appArmorProfile is the AppArmor options to use by the containers in this pod. Note that this field cannot be set when spec.os.name is windows.")]
    public AppArmorProfile? AppArmorProfile { get; set; }

    [JsonPropertyName("seLinuxChangePolicy")]
    [ProtoField(13)]
    [Description("seLinuxChangePolicy defines how the container's SELinux label is applied to all volumes used by the Pod. It has no effect on nodes that do not support SELinux or to volumes does not support SELinux. Valid values are \"MountOption\" and \"Recursive\".\n\n\"Recursive\" means relabeling of all files on all Pod volumes by the container runtime. This may be slow for large volumes, but allows mixing privileged and unprivileged Pods sharing the same volume on the same node.\n\n\"MountOption\" mounts all eligible Pod volumes with `-o context` mount option. This requires all Pods that share the same volume to use the same SELinux label. It is not possible to share the same volume among privileged and unprivileged Pods. Eligible volumes are in-tree FibreChannel and iSCSI volumes, and all CSI volumes whose CSI driver announces SELinux support by setting spec.seLinuxMount: true in their CSIDriver instance. Other volumes are always re-labelled recursively. \"MountOption\" value is allowed only when SELinuxMount feature gate is enabled.\n\nIf not specified and SELinuxMount feature gate is enabled, \"MountOption\" is used. If not specified and SELinuxMount feature gate is disabled, \"MountOption\" is used for ReadWriteOncePod volumes and \"Recursive\" for all other volumes.\n\nThis field affects only Pods that have SELinux label set, either in PodSecurityContext or in SecurityContext of all containers.\n\nAll Pods that use the same volume should use the same seLinuxChangePolicy, otherwise some pods can get stuck in ContainerCreating state. Note that this field cannot be set when spec.os.name is windows.")]
    public string? SeLinuxChangePolicy { get; set; }
}
