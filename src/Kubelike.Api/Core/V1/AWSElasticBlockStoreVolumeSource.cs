using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("Represents a Persistent Disk resource in AWS.\n\nAn AWS EBS disk must exist before mounting to a container. The disk must also be in the same AWS zone as the kubelet. An AWS EBS disk can only be mounted as read/write once. AWS EBS volumes support ownership management and SELinux relabeling.")]
public class AWSElasticBlockStoreVolumeSource
{
    [JsonPropertyName("volumeID")]
    [ProtoField(1)]
    [Required]
    [Description("volumeID is unique ID of the persistent disk resource in AWS (Amazon EBS volume). More info: https://kubernetes.io/docs/concepts/storage/volumes#awselasticblockstore")]
    public string? VolumeID { get; set; }

    [JsonPropertyName("fsType")]
    [OmitEmpty]
    [ProtoField(2)]
    [Description("fsType is the filesystem type of the volume that you want to mount. Tip: Ensure that the filesystem type is supported by the host operating system. Examples: \"ext4\", \"xfs\", \"ntfs\". Implicitly inferred to be \"ext4\" if unspecified. More info: https://kubernetes.io/docs/concepts/storage/volumes#awselasticblockstore")]
    public string? FsType { get; set; }

    [JsonPropertyName("partition")]
    [OmitEmpty]
    [ProtoField(3)]
    [Description("partition is the partition in the volume that you want to mount. If omitted, the default is to mount by volume name. Examples: For volume /dev/sda1, you specify the partition as \"1\". Similarly, the volume partition for /dev/sda is \"0\" (or you can leave the property empty).")]
    public int? Partition { get; set; }

    [JsonPropertyName("readOnly")]
    [OmitEmpty]
    [ProtoField(4)]
    [Description("readOnly value true will force the readOnly setting in VolumeMounts. More info: https://kubernetes.io/docs/concepts/storage/volumes#awselasticblockstore")]
    public bool? ReadOnly { get; set; }
}
