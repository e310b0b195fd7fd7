using System.Text.Json.Nodes;
using Kubelike.Api;
using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Client.Rest;

namespace Kubelike.Controllers.Runtime;

/// <summary>
/// Adoption and release of pods by a workload controller, as upstream's ClaimPods: an owner keeps the pods it
/// controls that it still selects, releases the ones it no longer selects, and adopts orphans it selects (not while
/// either is being deleted). Owner references are written with a merge patch conditional on the pod's resourceVersion.
/// </summary>
public static class PodClaims
{
    public static async Task<List<Pod>> ClaimAsync(
        KubernetesClient client, IKubernetesObject owner, OwnerReference ownerReference, IEnumerable<Pod> candidates, Func<Pod, bool> selects,
        CancellationToken cancellationToken)
    {
        var uid = owner.Metadata!.Uid;
        var ownerDeleting = owner.Metadata.DeletionTimestamp is not null;
        var claimed = new List<Pod>();
        foreach (var pod in candidates)
        {
            var controller = Owners.Controller(pod);
            var matches = selects(pod);
            if (controller?.Uid == uid)
            {
                if (matches || ownerDeleting)
                    claimed.Add(pod);
                else
                    await SetOwnersAsync(client, pod, pod.Metadata!.OwnerReferences!.Where(o => o.Uid != uid), cancellationToken);
            }
            else if (controller is null && matches && pod.Metadata?.DeletionTimestamp is null && !ownerDeleting)
            {
                var adopted = await SetOwnersAsync(client, pod, [.. pod.Metadata?.OwnerReferences ?? [], ownerReference], cancellationToken);
                if (adopted is not null)
                    claimed.Add(adopted);
            }
        }

        return claimed;
    }

    /// <summary>Replaces a pod's owner references, conditional on its resourceVersion; null when the pod is gone.</summary>
    private static async Task<Pod?> SetOwnersAsync(KubernetesClient client, Pod pod, IEnumerable<OwnerReference> owners, CancellationToken cancellationToken)
    {
        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["resourceVersion"] = pod.Metadata!.ResourceVersion,
                ["ownerReferences"] = KubernetesJson.SerializeToNode(owners.ToList()),
            },
        };
        try
        {
            return await client.Resource<Pod>().PatchAsync(pod.Metadata.Name!, Patch.Merge(patch), pod.Metadata.Namespace, cancellationToken: cancellationToken);
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    /// <summary>Deletes a pod if it is still the one seen (by uid); false when it was already gone or replaced.</summary>
    public static async Task<bool> DeleteAsync(KubernetesClient client, Pod pod, CancellationToken cancellationToken)
    {
        try
        {
            await client.Resource<Pod>().DeleteAsync(pod.Metadata!.Name!, pod.Metadata.Namespace,
                new DeleteOptions { Preconditions = new Preconditions { Uid = pod.Metadata.Uid } }, cancellationToken);
            return true;
        }
        catch (KubernetesApiException e) when (e.IsNotFound || e.IsConflict)
        {
            return false;
        }
    }
}
