using System.Reflection;
using System.Text.Json.Serialization;
using Kubelike.Api.Core.V1;

namespace Kubelike.ApiMachinery.Validation.Core;

/// <summary>A PersistentVolume (upstream's ValidatePersistentVolumeSpec): access modes, a storage capacity, one source.</summary>
public sealed class PersistentVolumeValidator : FieldValidator<PersistentVolume>
{
    private static readonly string[] ReclaimPolicies = ["Delete", "Recycle", "Retain"];
    private static readonly string[] StorageOnly = ["storage"];

    private static readonly (PropertyInfo Property, string JsonName)[] Sources = [.. typeof(PersistentVolumeSource)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        .Select(p => (p, p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? p.Name))];

    public PersistentVolumeValidator()
    {
        Check((volume, e) =>
        {
            var spec = volume.Spec ?? new PersistentVolumeSpec();
            var at = e.Path.Child("spec");
            if (spec.AccessModes is not { Count: > 0 })
            {
                e.Required(at.Child("accessModes"));
            }
            foreach (var mode in spec.AccessModes ?? [])
            {
                if (!PersistentVolumeClaimSpecValidator.AccessModes.Contains(mode))
                {
                    e.NotSupported(at.Child("accessModes"), mode, PersistentVolumeClaimSpecValidator.AccessModes);
                }
            }
            var capacity = spec.Capacity ?? new Dictionary<string, Api.Primitives.Quantity>();
            if (capacity.Count == 0)
            {
                e.Required(at.Child("capacity"));
            }
            if (!capacity.ContainsKey("storage") || capacity.Count > 1)
            {
                e.NotSupported(at.Child("capacity"), FieldErrorCollector.Display(capacity.ToDictionary(kv => kv.Key, kv => kv.Value?.ToString() ?? "")), StorageOnly);
            }
            foreach (var (name, quantity) in Maps.Sorted(capacity))
            {
                if (quantity is { Sign: <= 0 })
                {
                    e.Invalid(at.Child("capacity").Key(name), quantity.ToString(), "must be greater than zero");
                }
            }
            if (!string.IsNullOrEmpty(spec.PersistentVolumeReclaimPolicy) && !ReclaimPolicies.Contains(spec.PersistentVolumeReclaimPolicy))
            {
                e.NotSupported(at.Child("persistentVolumeReclaimPolicy"), spec.PersistentVolumeReclaimPolicy, ReclaimPolicies);
            }
            if (!string.IsNullOrEmpty(spec.StorageClassName))
            {
                e.Dns1123Subdomain(at.Child("storageClassName"), spec.StorageClassName);
            }
            if (spec.VolumeMode is { } volumeMode && !PersistentVolumeClaimSpecValidator.VolumeModes.Contains(volumeMode))
            {
                e.NotSupported(at.Child("volumeMode"), volumeMode, PersistentVolumeClaimSpecValidator.VolumeModes);
            }
            var count = 0;
            foreach (var (property, jsonName) in Sources)
            {
                if (property.GetValue(spec) is not null && count++ > 0)
                {
                    e.Forbidden(at.Child(jsonName), "may not specify more than 1 volume type");
                }
            }
            if (count == 0)
            {
                e.Required(at, "must specify a volume type");
            }
            if (spec.HostPath is { } hostPath && string.IsNullOrEmpty(hostPath.Path))
            {
                e.Required(at.Child("hostPath", "path"));
            }
            if (spec.Local is { } local && string.IsNullOrEmpty(local.Path))
            {
                e.Required(at.Child("local", "path"));
            }
        });
    }
}
