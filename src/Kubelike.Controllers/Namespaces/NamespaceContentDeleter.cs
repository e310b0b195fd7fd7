using System.Text.Json.Nodes;
using Kubelike.Api.Meta.V1;
using Kubelike.Client.Discovery;
using Kubelike.Client.Rest;

namespace Kubelike.Controllers.Namespaces;

/// <summary>
/// Deletes everything in a terminating namespace, as upstream's namespaced-resources deleter does: the namespaced
/// resources come from discovery (every one that supports delete), each is emptied with deletecollection where the
/// server supports it and one DELETE per object otherwise (background propagation, so the garbage collector adds no
/// orphan finalizer), and then listed again to see what is left, and why (graceful pod deletion, finalizers).
/// </summary>
internal sealed class NamespaceContentDeleter(KubernetesClient client)
{
    private readonly DiscoveryClient _discovery = new(client);

    /// <summary>
    /// One pass over the namespace's content. The result's estimate is how many seconds the remaining content should
    /// still take (0 once all is gone); conditions describe the pass.
    /// </summary>
    public async Task<ContentDeletion> DeleteAllAsync(string ns, DateTimeOffset deletedAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var conditions = new NamespaceConditions();
        var discovered = await _discovery.ServerPreferredResourcesAsync(cancellationToken);
        if (discovered.FailedGroupVersions.Count > 0)
            conditions.DiscoveryFailed(discovered.FailedGroupVersions);

        var estimate = 0L;
        var errors = 0;
        var byResource = new Dictionary<string, int>(StringComparer.Ordinal);
        var byFinalizer = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var resource in discovered.Resources.Where(r => r.Resource.Namespaced && r.Supports("delete")))
        {
            try
            {
                var remaining = await DeleteResourceAsync(resource, ns, deletedAt, now, cancellationToken);
                estimate = Math.Max(estimate, remaining.Estimate);
                if (remaining.Count > 0)
                {
                    byResource[$"{resource.Resource.Resource}.{resource.Resource.Group}"] = remaining.Count;
                    foreach (var (finalizer, count) in remaining.ByFinalizer)
                        byFinalizer[finalizer] = byFinalizer.GetValueOrDefault(finalizer) + count;
                }
            }
            catch (Exception e) when (e is KubernetesApiException or HttpRequestException or TimeoutException or UnexpectedContentException)
            {
                errors++;
                conditions.ContentDeletionFailed(e.Message);
            }
        }

        conditions.Remaining(byResource, byFinalizer);
        return new ContentDeletion(estimate, byResource.Count, errors + discovered.FailedGroupVersions.Count, conditions);
    }

    private async Task<(long Estimate, int Count, Dictionary<string, int> ByFinalizer)> DeleteResourceAsync(
        DiscoveredResource discovered, string ns, DateTimeOffset deletedAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var resource = discovered.Resource;
        var objects = client.Resource(resource);
        var estimate = resource is { Group: "", Resource: "pods" } ? await EstimatePodTerminationAsync(objects, ns, cancellationToken) : 0;
        if (now - deletedAt >= TimeSpan.FromSeconds(estimate))
            estimate = 0;

        var background = new DeleteOptions { PropagationPolicy = "Background" };
        if (discovered.Supports("deletecollection"))
        {
            await objects.DeleteCollectionAsync(ns, options: background, cancellationToken: cancellationToken);
        }
        else if (discovered.Supports("list"))
        {
            foreach (var item in (await objects.ListAsync(ns, cancellationToken: cancellationToken)).Items)
            {
                try
                {
                    await objects.DeleteAsync(Name(item), ns, background, cancellationToken);
                }
                catch (KubernetesApiException e) when (e.IsNotFound || e.Code == 405)
                {
                    // Gone already, or not deletable after all.
                }
            }
        }

        if (!discovered.Supports("list"))
            return (estimate, 0, []);
        var left = (await objects.ListAsync(ns, cancellationToken: cancellationToken)).Items;
        if (left.Count == 0)
            return (0, 0, []);
        var byFinalizer = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in left)
        {
            foreach (var finalizer in (item["metadata"]?["finalizers"] as JsonArray ?? []).Select(f => (string?)f ?? ""))
                byFinalizer[finalizer] = byFinalizer.GetValueOrDefault(finalizer) + 1;
        }

        if (estimate > 0)
            return (estimate, left.Count, byFinalizer);
        if (byFinalizer.Count > 0)
            return (FinalizerEstimateSeconds, left.Count, byFinalizer);

        // Nothing explains why they are still there: report it, and try again.
        throw new UnexpectedContentException($"unexpected items still remain in namespace: {ns} for gvr: {resource.Group}/{resource.Version}, Resource={resource.Resource}");
    }

    /// <summary>How long the namespace's pods may take to stop: the longest grace period of those still running.</summary>
    private static async Task<long> EstimatePodTerminationAsync(ResourceClient<JsonObject> pods, string ns, CancellationToken cancellationToken)
    {
        var estimate = 0L;
        foreach (var pod in (await pods.ListAsync(ns, cancellationToken: cancellationToken)).Items)
        {
            if ((string?)pod["status"]?["phase"] is "Succeeded" or "Failed")
                continue;
            if (pod["spec"]?["terminationGracePeriodSeconds"] is JsonValue grace && grace.TryGetValue<long>(out var seconds))
                estimate = Math.Max(estimate, seconds);
        }

        return estimate;
    }

    private static string Name(JsonObject obj) => (string?)obj["metadata"]?["name"] ?? "";

    /// <summary>What upstream assumes objects with finalizers take: time for the garbage collector and others to act.</summary>
    private const long FinalizerEstimateSeconds = 15;
}
