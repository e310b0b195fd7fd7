using System.Collections.Concurrent;
using Kubelike.Api.Core.V1;
using Kubelike.Client.Informers;
using Kubelike.Client.Rest;
using Kubelike.Controllers.Runtime;
using Kubelike.Controllers.Scheduling;
using Microsoft.Extensions.Logging;

namespace Kubelike.Controllers.NodeLifecycle;

/// <summary>
/// Evicts pods from nodes with NoExecute taints, as upstream's taint-eviction-controller: a pod that does not tolerate
/// every such taint is deleted at once; one that does is deleted once the shortest <c>tolerationSeconds</c> among the
/// tolerations it relies on has passed since this controller first saw it there (never, if none has a limit). An
/// evicted pod gets the DisruptionTarget condition first; its owner then replaces it elsewhere.
/// </summary>
public sealed class TaintEvictionController : Reconciler
{
    private readonly KubernetesClient _client;
    private readonly SharedInformer<Node> _nodes;
    private readonly SharedInformer<Pod> _pods;
    private readonly EventRecorder _events;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tolerating = new(StringComparer.Ordinal);

    public TaintEvictionController(KubernetesClient client, SharedInformerFactory informers, ILogger<TaintEvictionController> logger)
        : base(logger)
    {
        _client = client;
        _events = new EventRecorder(client, "taint-eviction-controller", logger);
        _nodes = informers.GetInformer<Node>();
        _pods = informers.GetInformer<Pod>();
        PodsByNode.Ensure(_pods);
        _nodes.AddEventHandler(new ResourceEventHandler<Node>
        {
            Added = (node, _) =>
            {
                if (NoExecuteTaints(node).Count > 0)
                    EnqueuePodsOn(node);
            },
            Updated = (old, node) =>
            {
                if (!NoExecuteTaints(old).Select(Describe).SequenceEqual(NoExecuteTaints(node).Select(Describe)))
                    EnqueuePodsOn(node);
            },
        });
        _pods.AddEventHandler(new ResourceEventHandler<Pod>
        {
            Added = (pod, _) =>
            {
                if (!string.IsNullOrEmpty(pod.Spec?.NodeName))
                    Enqueue(pod);
            },
            Updated = (old, pod) =>
            {
                if (!string.IsNullOrEmpty(pod.Spec?.NodeName) && (old.Spec?.NodeName != pod.Spec.NodeName || !SameTolerations(old, pod)))
                    Enqueue(pod);
            },
            Deleted = (pod, _) => _tolerating.TryRemove(ObjectAccessor.GetKey(pod), out DateTimeOffset _),
        });
    }

    private static string Describe(Taint taint) => $"{taint.Key}={taint.Value}:{taint.Effect}";

    private static bool SameTolerations(Pod a, Pod b) =>
        Api.KubernetesJson.Serialize(a.Spec?.Tolerations) == Api.KubernetesJson.Serialize(b.Spec?.Tolerations);

    private static List<Taint> NoExecuteTaints(Node node) => [.. (node.Spec?.Taints ?? []).Where(t => t.Effect == "NoExecute")];

    private void EnqueuePodsOn(Node node)
    {
        foreach (var pod in PodsByNode.On(_pods, node.Metadata?.Name ?? ""))
            Enqueue(pod);
    }

    protected override async Task ReconcileAsync(string key, CancellationToken cancellationToken)
    {
        var pod = _pods.Cache.Get(key);
        if (pod?.Metadata is null || pod.Metadata.DeletionTimestamp is not null || string.IsNullOrEmpty(pod.Spec?.NodeName)
            || _nodes.Cache.Get(pod.Spec.NodeName) is not { } node)
        {
            _tolerating.TryRemove(key, out _);
            return;
        }

        var taints = NoExecuteTaints(node);
        if (taints.Count == 0)
        {
            _tolerating.TryRemove(key, out _);
            return;
        }

        var now = _client.Time.GetUtcNow();
        if (TolerationTime(pod, taints) is not { } tolerated)
        {
            _tolerating.TryRemove(key, out _);
            return;
        }

        var since = _tolerating.GetOrAdd(key, now);
        var due = since + tolerated;
        if (due > now)
        {
            Queue.AddAfter(key, due - now);
            return;
        }

        await EvictAsync(pod, cancellationToken);
        _tolerating.TryRemove(key, out _);
    }

    /// <summary>
    /// How long the pod may stay: zero when a taint is not tolerated; otherwise the shortest limit among the first
    /// toleration of each taint (a negative one counts as zero); null when none of those has a limit.
    /// </summary>
    public static TimeSpan? TolerationTime(Pod pod, IReadOnlyList<Taint> taints)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(taints);
        var tolerations = pod.Spec?.Tolerations ?? [];
        long? shortest = null;
        foreach (var taint in taints)
        {
            var used = tolerations.FirstOrDefault(t => Taints.Tolerates(t, taint));
            if (used is null)
                return TimeSpan.Zero;
            if (used.TolerationSeconds is { } seconds)
                shortest = Math.Min(shortest ?? long.MaxValue, Math.Max(seconds, 0));
        }

        return shortest is { } s ? TimeSpan.FromSeconds(s) : null;
    }

    private async Task EvictAsync(Pod pod, CancellationToken cancellationToken)
    {
        var pods = _client.Resource<Pod>();
        var name = pod.Metadata!.Name!;
        var ns = pod.Metadata.Namespace;
        try
        {
            var updated = Owners.Clone(pod);
            updated.Status ??= new PodStatus();
            var conditions = updated.Status.Conditions = [.. (updated.Status.Conditions ?? []).Where(c => c.Type != "DisruptionTarget")];
            conditions.Add(new PodCondition
            {
                Type = "DisruptionTarget",
                Status = "True",
                Reason = "DeletionByTaintManager",
                Message = "Taint manager: deleting due to NoExecute taint",
                LastTransitionTime = _client.Time.GetUtcNow(),
            });
            await pods.UpdateStatusAsync(updated, cancellationToken: cancellationToken);
            Logger.LogInformation("evicting pod {Namespace}/{Pod} from node {Node} (NoExecute taint)", ns, name, pod.Spec!.NodeName);
            _events.Normal(pod, "TaintManagerEviction", $"Marking for deletion Pod {ns}/{name}");
            await pods.DeleteAsync(name, ns, new Api.Meta.V1.DeleteOptions { Preconditions = new Api.Meta.V1.Preconditions { Uid = pod.Metadata.Uid } }, cancellationToken);
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
            // Gone already.
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _events.Dispose();
        base.Dispose(disposing);
    }
}
