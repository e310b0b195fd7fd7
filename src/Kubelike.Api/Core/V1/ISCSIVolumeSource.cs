using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("Represents an ISCSI disk. ISCSI volumes can only be mounted as read/write once. ISCSI volumes support ownership management and SELinux relabeling.")]
public class ISCSIVolumeSource
{
    [JsonPropertyName("targetPortal")]
    [ProtoField(1)]
    [Required]
    [Description("targetPortal is iSCSI Target Portal. The Portal is either an IP or ip_addr:port if the port is other than default (typically TCP ports 860 and 3260).")]
    public string? TargetPortal { get; set; }

    [JsonPropertyName("iqn")]
    [ProtoField(2)]
    [Required]
    [Description("iqn is the target iSCSI Qualified Name.")]
    public string? Iqn { get; set; }

    [JsonPropertyName("lun")]
    [ProtoField(3)]
    [Required]
    [Description("lun represents iSCSI Target Lun number.")]
    public int? Lun { get; set; }

    [JsonPropertyName("iscsiInterface")]
    [OmitEmpty]
    [ProtoField(4)]
    [Description("iscsiInterface is the interface Name that uses an iSCSI transport. Defaults to 'default' (tcp).")]
    public string? IscsiInterface { get; set; }

    [JsonPropertyName("fsType")]
    [OmitEmpty]
    [ProtoField(5)]
    [Description("fsType is the filesystem type of the volume that you want to mount. Tip: Ensure that the filesystem type is supported by the host operating system. Examples: \"ext4\", \"xfs\", \"ntfs\". Implicitly inferred to be \"ext4\" if unspecified. More info: https://kubernetes.io/docs/concepts/storage/volumes#iscsi")]
    public string? FsType { get; set; }

    [JsonPropertyName("readOnly")]
    [OmitEmpty]
    [ProtoField(6)]
    [Description("readOnly here will force the ReadOnly setting in VolumeMounts. Defaults to false.")]
    public bool? ReadOnly { get; set; }

    [JsonPropertyName("portals")]
    [ProtoField(7)]
    [ListType("atomic")]
    [Description("portals is the iSCSI Target Portal List. The portal is either an IP or ip_addr:port if the port is other than default (typically TCP ports 860 and 3260).")]
    public IList<string>? Portals { get; set; }

    [JsonPropertyName("chapAuthDiscovery")]
    [OmitEmpty]
    [ProtoField(8)]
    [Description("chapAuthDiscovery defines whether support iSCSI Discovery CHAP authentication")]
    public bool? ChapAuthDiscovery { get; set; }

    [JsonPropertyName("chapAuthSession")]
    [OmitEmpty]
    [ProtoField(11)]
    [Description("chapAuthSession defines whether support iSCSI Session CHAP authentication")]
    public bool? ChapAuthSession { get; set; }

    [JsonPropertyName("secretRef")]
    [ProtoField(10)]
    [Description("secretRef is the CHAP Secret for iSCSI target and initiator authentication")]
    public LocalObjectReference? SecretRef { get; set; }

    [JsonPropertyName("initiatorName")]
    [ProtoField(12)]
    [Description("initiatorName is the custom iSCSI Initiator Name. If initiatorName is specified with iscsiInterface simultaneously, new iSCSI interface <target portal>:<volume name> will be created for the connection.")]
    public string? InitiatorName { get; set; }
}
