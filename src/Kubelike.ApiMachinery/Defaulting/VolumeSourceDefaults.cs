using System.Text.Json.Nodes;
using static Kubelike.ApiMachinery.Defaulting.JsonFields;

namespace Kubelike.ApiMachinery.Defaulting;

/// <summary>
/// Defaults of the volume sources a pod volume and a PersistentVolume share (the +default markers in k8s.io/api
/// core/v1 types): hostPath type, iSCSI interface, RBD pool/user/keyring, Azure disk caching/kind/fsType, ScaleIO.
/// </summary>
internal static class VolumeSourceDefaults
{
    public static void Apply(JsonObject source)
    {
        if (GetObject(source, "hostPath") is { } hostPath)
        {
            SetIfUnset(hostPath, "type", "");
        }
        if (GetObject(source, "iscsi") is { } iscsi)
        {
            SetIfUnsetOrEmpty(iscsi, "iscsiInterface", "default");
        }
        if (GetObject(source, "rbd") is { } rbd)
        {
            SetIfUnsetOrEmpty(rbd, "pool", "rbd");
            SetIfUnsetOrEmpty(rbd, "user", "admin");
            SetIfUnsetOrEmpty(rbd, "keyring", "/etc/ceph/keyring");
        }
        if (GetObject(source, "azureDisk") is { } azureDisk)
        {
            SetIfUnsetOrEmpty(azureDisk, "cachingMode", "ReadWrite");
            SetIfUnsetOrEmpty(azureDisk, "fsType", "ext4");
            SetIfUnset(azureDisk, "readOnly", false);
            SetIfUnsetOrEmpty(azureDisk, "kind", "Shared");
        }
        if (GetObject(source, "scaleIO") is { } scaleIo)
        {
            SetIfUnsetOrEmpty(scaleIo, "storageMode", "ThinProvisioned");
            SetIfUnsetOrEmpty(scaleIo, "fsType", "xfs");
        }
    }
}
