using System.Text.Json.Nodes;
using Kubelike.Api;
using Kubelike.Api.Core.V1;

namespace Kubelike.ApiMachinery.Validation.Core;

/// <summary>A PersistentVolumeClaim: its spec.</summary>
public sealed class PersistentVolumeClaimValidator : FieldValidator<PersistentVolumeClaim>
{
    public PersistentVolumeClaimValidator() =>
        Check((claim, e) => e.Validate(PersistentVolumeClaimSpecValidator.Instance, claim.Spec ?? new PersistentVolumeClaimSpec(), e.Path.Child("spec")));
}

/// <summary>A claim update: the spec is fixed except the storage request, the volume attributes class and the binding of a volume.</summary>
public sealed class PersistentVolumeClaimUpdateValidator : FieldValidator<ObjectUpdate<PersistentVolumeClaim>>
{
    public PersistentVolumeClaimUpdateValidator() =>
        Check((update, e) =>
        {
            var next = KubernetesJson.SerializeToNode(update.New.Spec) as JsonObject ?? [];
            var old = KubernetesJson.SerializeToNode(update.Old.Spec) as JsonObject ?? [];
            foreach (var spec in new[] { next, old })
            {
                (spec["resources"] as JsonObject)?.Remove("requests");
                spec.Remove("volumeAttributesClassName");
            }
            if (string.IsNullOrEmpty(update.Old.Spec?.VolumeName))
            {
                next.Remove("volumeName");
                old.Remove("volumeName");
            }
            // Retroactive default StorageClass assignment: a claim without a class may be given one, once.
            if (update.Old.Spec?.StorageClassName is null)
            {
                next.Remove("storageClassName");
                old.Remove("storageClassName");
            }
            if (!JsonNode.DeepEquals(next, old))
            {
                e.Forbidden(e.Path.Child("spec"), "spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims");
            }
        });
}
