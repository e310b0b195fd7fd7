using System.Text.Json.Nodes;
using Kubelike.Api;
using Kubelike.Api.Apps.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Client.Informers;
using Kubelike.Client.Rest;

namespace Kubelike.Controllers.Runtime;

/// <summary>
/// The ControllerRevisions of StatefulSets and DaemonSets: one per distinct template state, named
/// <c>&lt;owner&gt;-&lt;hash&gt;</c>, numbered in the order the states were last applied (a return to an old state
/// renumbers that revision rather than duplicating it), controlled by their owner so the garbage collector removes
/// them with it, and trimmed to the owner's revisionHistoryLimit.
/// </summary>
public sealed class ControllerRevisionHistory(KubernetesClient client, SharedInformer<ControllerRevision> revisions)
{
    /// <summary>The revisions <paramref name="owner"/> controls, oldest first.</summary>
    public List<ControllerRevision> Owned(IKubernetesObject owner) =>
        [.. revisions.Cache.ByIndex(CacheIndexers.Namespace, owner.Metadata?.Namespace ?? "")
            .Where(r => Owners.Controller(r)?.Uid == owner.Metadata?.Uid)
            .OrderBy(r => r.Revision ?? 0)
            .ThenBy(r => r.Metadata?.Name, StringComparer.Ordinal)];

    /// <summary>
    /// The revision holding <paramref name="data"/>, created (or renumbered to be the newest) as needed;
    /// <paramref name="owned"/> is updated to match. A name taken by other data raises the collision count.
    /// </summary>
    public async Task<(ControllerRevision Revision, int CollisionCount)> EnsureAsync(
        IKubernetesObject owner, OwnerReference ownerReference, JsonNode data, IDictionary<string, string> labels, string hashLabel,
        List<ControllerRevision> owned, int collisionCount, CancellationToken cancellationToken)
    {
        var canonical = ObjectHash.Canonical(data);
        var next = owned.Count == 0 ? 1 : owned.Max(r => r.Revision ?? 0) + 1;
        var equal = owned.LastOrDefault(r => ObjectHash.Canonical(r.Data) == canonical);
        var api = client.Resource<ControllerRevision>();
        if (equal is not null)
        {
            if (equal == owned[^1])
                return (equal, collisionCount);
            var renumbered = Owners.Clone(equal);
            renumbered.Revision = next;
            renumbered = await api.UpdateAsync(renumbered, cancellationToken: cancellationToken);
            owned.Remove(equal);
            owned.Add(renumbered);
            return (renumbered, collisionCount);
        }

        while (true)
        {
            var hash = ObjectHash.Compute(data, collisionCount);
            var revision = new ControllerRevision
            {
                ApiVersion = "apps/v1",
                Kind = "ControllerRevision",
                Metadata = new ObjectMeta
                {
                    Name = $"{owner.Metadata!.Name}-{hash}",
                    Namespace = owner.Metadata.Namespace,
                    Labels = new Dictionary<string, string>(labels) { [hashLabel] = hash },
                    OwnerReferences = [ownerReference],
                },
                Data = data.DeepClone(),
                Revision = next,
            };
            try
            {
                var created = await api.CreateAsync(revision, cancellationToken: cancellationToken);
                owned.Add(created);
                return (created, collisionCount);
            }
            catch (KubernetesApiException e) when (e.IsAlreadyExists)
            {
                var existing = await api.GetAsync(revision.Metadata.Name, revision.Metadata.Namespace, cancellationToken);
                if (Owners.Controller(existing)?.Uid == owner.Metadata.Uid && ObjectHash.Canonical(existing.Data) == canonical)
                {
                    // Our own earlier create, not yet in the cache.
                    owned.Add(existing);
                    return (existing, collisionCount);
                }

                collisionCount++;
            }
        }
    }

    /// <summary>Deletes the oldest revisions beyond <paramref name="limit"/>, never one in <paramref name="live"/> (used by pods or as current/update).</summary>
    public async Task TruncateAsync(List<ControllerRevision> owned, ISet<string> live, int limit, CancellationToken cancellationToken)
    {
        var history = owned.Where(r => !live.Contains(r.Metadata!.Name!)).ToList();
        foreach (var revision in history.Take(Math.Max(0, history.Count - limit)))
        {
            try
            {
                await client.Resource<ControllerRevision>().DeleteAsync(revision.Metadata!.Name!, revision.Metadata.Namespace, cancellationToken: cancellationToken);
            }
            catch (KubernetesApiException e) when (e.IsNotFound)
            {
                // Gone already.
            }

            owned.Remove(revision);
        }
    }

    /// <summary>The revision data of a pod template as upstream stores it: a strategic-merge patch replacing spec.template.</summary>
    public static JsonObject TemplatePatch(Api.Core.V1.PodTemplateSpec? template)
    {
        var node = KubernetesJson.SerializeToNode(template ?? new Api.Core.V1.PodTemplateSpec()) as JsonObject ?? [];
        node["$patch"] = "replace";
        return new JsonObject { ["spec"] = new JsonObject { ["template"] = node } };
    }

    /// <summary>The pod template a revision made by <see cref="TemplatePatch"/> holds.</summary>
    public static Api.Core.V1.PodTemplateSpec? TemplateOf(ControllerRevision revision)
    {
        if (revision.Data?["spec"]?["template"] is not JsonObject template)
            return null;
        var copy = (JsonObject)template.DeepClone();
        copy.Remove("$patch");
        return KubernetesJson.Deserialize<Api.Core.V1.PodTemplateSpec>(copy);
    }
}
