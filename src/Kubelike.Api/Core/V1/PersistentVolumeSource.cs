using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("PersistentVolumeSource is similar to VolumeSource but meant for the administrator who creates PVs. Exactly one of its members must be set.")]
public class PersistentVolumeSource
{
    [JsonPropertyName("gcePersistentDisk")]
    [ProtoField(1)]
    [Description("gcePersistentDisk represents a GCE Disk resource that is attached to a kubelet's host machine and then exposed to the pod. Provisioned by an admin. Deprecated: GCEPersistentDisk is deprecated. All operations for the in-tree gcePersistentDisk type are redirected to the pd.csi.storage.gke.io CSI driver. More info: https://kubernetes.io/docs/concepts/storage/volumes#gcepersistentdisk")]
    public GCEPersistentDiskVolumeSource? GcePersistentDisk { get; set; }

    [JsonPropertyName("awsElasticBlockStore")]
    [ProtoField(2)]
    [Description("awsElasticBlockStore represents an AWS Disk resource that is attached to a kubelet's host machine and then exposed to the pod. Deprecated: AWSElasticBlockStore is deprecated. All operations for the in-tree awsElasticBlockStore type are redirected to the ebs.csi.aws.com CSI driver. More info: https://kubernetes.io/docs/concepts/storage/volumes#awselasticblockstore")]
    public AWSElasticBlockStoreVolumeSource? AwsElasticBlockStore { get; set; }

    [JsonPropertyName("hostPath")]
    [ProtoField(3)]
    [Description("hostPath represents a directory on the host. Provisioned by a developer or tester. This is useful for single-node development and testing only! On-host storage is not supported in any way and WILL NOT WORK in a multi-node cluster. More info: https://kubernetes.io/docs/concepts/storage/volumes#hostpath")]
    public HostPathVolumeSource? HostPath { get; set; }

    [JsonPropertyName("glusterfs")]
    [ProtoField(4)]
    [Description("glusterfs represents a Glusterfs volume that is attached to a host and exposed to the pod. Provisioned by an admin. Deprecated: Glusterfs is deprecated and the in-tree glusterfs type is no longer supported. More info: https://examples.k8s.io/volumes/glusterfs/README.md")]
    public GlusterfsPersistentVolumeSource? Glusterfs { get; set; }

    [JsonPropertyName("nfs")]
    [ProtoField(5)]
    [Description("nfs represents an NFS mount on the host. Provisioned by an admin. More info: https://kubernetes.io/docs/concepts/storage/volumes#nfs")]
    public NFSVolumeSource? Nfs { get; set; }

    [JsonPropertyName("rbd")]
    [ProtoField(6)]
    [Description("rbd represents a Rados Block Device mount on the host that shares a pod's lifetime. Deprecated: RBD is deprecated and the in-tree rbd type is no longer supported. More info: https://examples.k8s.io/volumes/rbd/README.md")]
    public RBDPersistentVolumeSource? Rbd { get; set; }

    [JsonPropertyName("iscsi")]
    [ProtoField(7)]
    [Description("iscsi represents an ISCSI Disk resource that is attached to a kubelet's host machine and then exposed to the pod. Provisioned by an admin.")]
    public ISCSIPersistentVolumeSource? Iscsi { get; set; }

    [JsonPropertyName("cinder")]
    [ProtoField(8)]
    [Description("cinder represents a cinder volume attached and mounted on kubelets host machine. Deprecated: Cinder is deprecated. All operations for the in-tree cinder type are redirected to the cinder.csi.openstack.org CSI driver. More info: https://examples.k8s.io/mysql-cinder-pd/README.md")]
    public CinderPersistentVolumeSource? Cinder { get; set; }

    [JsonPropertyName("cephfs")]
    [ProtoField(9)]
    [Description("cephFS represents a Ceph FS mount on the host that shares a pod's lifetime. Deprecated: CephFS is deprecated and the in-tree cephfs type is no longer supported.")]
    public CephFSPersistentVolumeSource? Cephfs { get; set; }

    [JsonPropertyName("fc")]
    [ProtoField(10)]
    [Description("fc represents a Fibre Channel resource that is attached to a kubelet's host machine and then exposed to the pod.")]
    public FCVolumeSource? Fc { get; set; }

    [JsonPropertyName("flocker")]
    [ProtoField(11)]
    [Description("flocker represents a Flocker volume attached to a kubelet's host machine and exposed to the pod for its usage. This depends on the Flocker control service being running. Deprecated: Flocker is deprecated and the in-tree flocker type is no longer supported.")]
    public FlockerVolumeSource? Flocker { get; set; }

    [JsonPropertyName("flexVolume")]
    [ProtoField(12)]
    [Description("flexVolume represents a generic volume resource that is provisioned/attached using an exec based plugin. Deprecated: FlexVolume is deprecated. Consider using a CSIDriver instead.")]
    public FlexPersistentVolumeSource? FlexVolume { get; set; }

    [JsonPropertyName("azureFile")]
    [ProtoField(13)]
    [Description("azureFile represents an Azure File Service mount on the host and bind mount to the pod. Deprecated: AzureFile is deprecated. All operations for the in-tree azureFile type are redirected to the file.csi.azure.com CSI driver.")]
    public AzureFilePersistentVolumeSource? AzureFile { get; set; }

    [JsonPropertyName("vsphereVolume")]
    [ProtoField(14)]
    [Description("vsphereVolume represents a vSphere volume attached and mounted on kubelets host machine. Deprecated: VsphereVolume is deprecated. All operations for the in-tree vsphereVolume type are redirected to the csi.vsphere.vmware.com CSI driver.")]
    public VsphereVirtualDiskVolumeSource? VsphereVolume { get; set; }

    [JsonPropertyName("quobyte")]
    [ProtoField(15)]
    [Description("quobyte represents a Quobyte mount on the host that shares a pod's lifetime. Deprecated: Quobyte is deprecated and the in-tree quobyte type is no longer supported.")]
    public QuobyteVolumeSource? Quobyte { get; set; }

    [JsonPropertyName("azureDisk")]
    [ProtoField(16)]
    [Description("azureDisk represents an Azure Data Disk mount on the host and bind mount to the pod. Deprecated: AzureDisk is deprecated. All operations for the in-tree azureDisk type are redirected to the disk.csi.azure.com CSI driver.")]
    public AzureDiskVolumeSource? AzureDisk { get; set; }

    [JsonPropertyName("photonPersistentDisk")]
    [ProtoField(17)]
    [Description("photonPersistentDisk represents a PhotonController persistent disk attached and mounted on kubelets host machine. Deprecated: PhotonPersistentDisk is deprecated and the in-tree photonPersistentDisk type is no longer supported.")]
    public PhotonPersistentDiskVolumeSource? PhotonPersistentDisk { get; set; }

    [JsonPropertyName("portworxVolume")]
    [ProtoField(18)]
    [Description("portworxVolume represents a portworx volume attached and mounted on kubelets host machine. Deprecated: PortworxVolume is deprecated. All operations for the in-tree portworxVolume type are redirected to the pxd.portworx.com CSI driver when the CSIMigrationPortworx feature-gate is on.")]
    public PortworxVolumeSource? PortworxVolume { get; set; }

    [JsonPropertyName("scaleIO")]
    [ProtoField(19)]
    [Description("scaleIO represents a ScaleIO persistent volume attached and mounted on Kubernetes nodes. Deprecated: ScaleIO is deprecated and the in-tree scaleIO type is no longer supported.")]
    public ScaleIOPersistentVolumeSource? ScaleIO { get; set; }

    [JsonPropertyName("local")]
    [ProtoField(20)]
    [Description("local represents directly-attached storage with node affinity")]
    public LocalVolumeSource? Local { get; set; }

    [JsonPropertyName("storageos")]
    [ProtoField(21)]
    [Description("storageOS represents a StorageOS volume that is attached to the kubelet's host machine and mounted into the pod. Deprecated: StorageOS is deprecated and the in-tree storageos type is no longer supported. More info: https://examples.k8s.io/volumes/storageos/README.md")]
    public StorageOSPersistentVolumeSource? Storageos { get; set; }

    [JsonPropertyName("csi")]
    [ProtoField(22)]
    [Description("csi represents storage that is handled by an external CSI driver.")]
    public CSIPersistentVolumeSource? Csi { get; set; }
}
