using Kubelike.Api.Core.V1;
using Kubelike.Api.Primitives;
using Kubelike.Controllers.Runtime;

namespace Kubelike.Controllers.Volumes;

/// <summary>Which PersistentVolume may serve a claim, by the PV binder's rules: class, access modes, mode, selector, capacity.</summary>
public static class VolumeMatching
{
    /// <summary>The smallest available volume that satisfies the claim (one pre-bound to it wins), or null.</summary>
    public static PersistentVolume? BestMatch(PersistentVolumeClaim claim, IEnumerable<PersistentVolume> volumes)
    {
        var candidates = volumes.Where(v => Satisfies(v, claim)).ToList();
        return candidates.FirstOrDefault(v => v.Spec?.ClaimRef is { } claimRef && claimRef.Name == claim.Metadata!.Name && claimRef.Namespace == claim.Metadata.Namespace)
            ?? candidates.Where(v => v.Spec?.ClaimRef is null).OrderBy(v => Capacity(v.Spec?.Capacity) ?? decimal.MaxValue).FirstOrDefault();
    }

    public static bool Satisfies(PersistentVolume volume, PersistentVolumeClaim claim)
    {
        var spec = volume.Spec;
        var claimSpec = claim.Spec;
        if (spec is null || claimSpec is null || volume.Metadata?.DeletionTimestamp is not null)
            return false;
        if (volume.Status?.Phase is "Released" or "Failed")
            return false;
        if (spec.ClaimRef is { } claimRef
            && (claimRef.Name != claim.Metadata!.Name || claimRef.Namespace != claim.Metadata.Namespace
                || (!string.IsNullOrEmpty(claimRef.Uid) && claimRef.Uid != claim.Metadata.Uid)))
            return false;
        if ((spec.StorageClassName ?? "") != (claimSpec.StorageClassName ?? ""))
            return false;
        if ((spec.VolumeMode ?? "Filesystem") != (claimSpec.VolumeMode ?? "Filesystem"))
            return false;
        if ((claimSpec.AccessModes ?? []).Any(mode => !(spec.AccessModes ?? []).Contains(mode)))
            return false;
        if (claimSpec.Selector is { } selector && !LabelSelectors.Matches(selector, volume.Metadata?.Labels))
            return false;
        var requested = Capacity(claimSpec.Resources?.Requests) ?? 0;
        return (Capacity(spec.Capacity) ?? 0) >= requested;
    }

    public static decimal? Capacity(IDictionary<string, Quantity>? resources) =>
        resources?.TryGetValue("storage", out var quantity) == true && quantity is not null ? quantity.ToDecimal() : null;
}
