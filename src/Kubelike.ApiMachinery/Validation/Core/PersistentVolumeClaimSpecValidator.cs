using Kubelike.Api.Core.V1;

namespace Kubelike.ApiMachinery.Validation.Core;

/// <summary>A claim's spec, in a PersistentVolumeClaim or a StatefulSet's claim template: access modes and a storage request.</summary>
public sealed class PersistentVolumeClaimSpecValidator : FieldValidator<PersistentVolumeClaimSpec>
{
    public static PersistentVolumeClaimSpecValidator Instance { get; } = new();

    public static readonly IReadOnlyList<string> AccessModes = ["ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"];
    public static readonly IReadOnlyList<string> VolumeModes = ["Block", "Filesystem"];

    public PersistentVolumeClaimSpecValidator()
    {
        Check((spec, e) =>
        {
            if (spec.AccessModes is not { Count: > 0 })
            {
                e.Required(e.Path.Child("accessModes"), "at least 1 access mode is required");
            }
            e.Validate(LabelSelectorValidator.Instance, spec.Selector, e.Path.Child("selector"));
            foreach (var mode in spec.AccessModes ?? [])
            {
                if (!AccessModes.Contains(mode))
                {
                    e.NotSupported(e.Path.Child("accessModes"), mode, AccessModes);
                }
            }
            var storagePath = e.Path.Child("resources").Key("storage");
            if (spec.Resources?.Requests?.TryGetValue("storage", out var storage) != true || storage is null)
            {
                e.Required(storagePath);
            }
            else if (storage.Sign <= 0)
            {
                e.Invalid(storagePath, storage.ToString(), "must be greater than zero");
            }
            if (!string.IsNullOrEmpty(spec.StorageClassName))
            {
                e.Dns1123Subdomain(e.Path.Child("storageClassName"), spec.StorageClassName);
            }
            if (spec.VolumeMode is { } volumeMode && !VolumeModes.Contains(volumeMode))
            {
                e.NotSupported(e.Path.Child("volumeMode"), volumeMode, VolumeModes);
            }
        });
    }
}
