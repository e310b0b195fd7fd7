using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("VolumeMount describes a mounting of a Volume within a container.")]
public class VolumeMount
{
    [JsonPropertyName("name")]
    [ProtoField(1)]
    [Required]
    [Description("This must match the Name of a Volume.")]
    public string? Name { get; set; }

    [JsonPropertyName("readOnly")]
    [OmitEmpty]
    [ProtoField(2)]
    [Description("Mounted read-only if true, read-write otherwise (false or unspecified). Defaults to false.")]
    public bool? ReadOnly { get; set; }

    [JsonPropertyName("recursiveReadOnly")]
    [ProtoField(7)]
    [Description("RecursiveReadOnly specifies whether read-only mounts should be handled recursively.\n\nIf ReadOnly is false, this field has no meaning and must be unspecified.\n\nIf ReadOnly is true, and this field is set to Disabled, the mount is not made recursively read-only.  If this field is set to IfPossible, the mount is made recursively read-only, if it is supported by the container runtime.  If this field is set to Enabled, the mount is made recursively read-only if it is supported by the container runtime, otherwise the pod will not be started and an error will be generated to indicate the reason.\n\nIf this field is set to IfPossible or Enabled, MountPropagation must be set to None (or be unspecified, which defaults to None).\n\nIf this field is not specified, it is treated as an equivalent of Disabled.")]
    public string? RecursiveReadOnly { get; set; }

    [JsonPropertyName("mountPath")]
    [ProtoField(3)]
    [Required]
    [Description("Path within the container at which the volume should be mounted.  Must not contain ':'.")]
    public string? MountPath { get; set; }

    [JsonPropertyName("subPath")]
    [OmitEmpty]
    [ProtoField(4)]
    [Description("Path within the volume from which the container's volume should be mounted. Defaults to \"\" (volume's root).")]
    public string? SubPath { get; set; }

    [JsonPropertyName("mountPropagation")]
    [ProtoField(5)]
    [EnumValues("None", "HostToContainer", "Bidirectional")]
    [Description("mountPropagation determines how mounts are propagated from the host to container and the other way around. When not set, MountPropagationNone is used. This field is beta in 1.10. When RecursiveReadOnly is set to IfPossible or to Enabled, MountPropagation must be None or unspecified (which defaults to None).")]
    public string? MountPropagation { get; set; }

    [JsonPropertyName("subPathExpr")]
    [OmitEmpty]
    [ProtoField(6)]
    [Description("Expanded path within the volume from which the container's volume should be mounted. Behaves similarly to SubPath but environment variable references $(VAR_NAME) are expanded using the container's environment. Defaults to \"\" (volume's root). SubPathExpr and SubPath are mutually exclusive.")]
    public string? SubPathExpr { get; set; }
}
