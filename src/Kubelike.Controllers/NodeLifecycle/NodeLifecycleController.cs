using System.Collections.Concurrent;
using Kubelike.Api.Coordination.V1;
using Kubelike.Api.Core.V1;
using Kubelike.Client.Informers;
using Kubelike.Client.Rest;
using Kubelike.Controllers.Runtime;
using Microsoft.Extensions.Logging;

namespace Kubelike.Controllers.NodeLifecycle;

/// <summary>
/// Watches nodes' heartbeats (their Lease in <c>kube-node-lease</c> and their Ready condition): a node whose heartbeat
/// has not moved for the grace period gets Ready (and the pressure conditions) Unknown, "Kubelet stopped posting node
/// status.", and its pods' Ready condition False, as upstream's node lifecycle controller. It keeps the taints the
/// conditions imply (<see cref="NodeConditionTaints"/>), among them the NoExecute <c>unreachable</c> and
/// <c>not-ready</c> taints that the <see cref="TaintEvictionController"/> evicts pods for; they go once the node is
/// Ready again.
/// </summary>
public sealed class NodeLifecycleController : Reconciler
{
    public const string LeaseNamespace = "kube-node-lease";
    private const string NeverUpdatedReason = "NodeStatusNeverUpdated";
    private const string UnknownReason = "NodeStatusUnknown";
    private static readonly string[] ConditionsMarkedUnknown = ["Ready", "MemoryPressure", "DiskPressure", "PIDPressure"];

    private readonly KubernetesClient _client;
    private readonly NodeLifecycleOptions _options;
    private readonly SharedInformer<Node> _nodes;
    private readonly SharedInformer<Lease> _leases;
    private readonly SharedInformer<Pod> _pods;
    private readonly EventRecorder _events;
    private readonly ConcurrentDictionary<string, NodeHealth> _health = new(StringComparer.Ordinal);

    public NodeLifecycleController(KubernetesClient client, SharedInformerFactory informers, ILogger<NodeLifecycleController> logger, NodeLifecycleOptions? options = null)
        : base(logger)
    {
        _client = client;
        _options = options ?? new NodeLifecycleOptions();
        _events = new EventRecorder(client, "node-controller", logger);
        _nodes = informers.GetInformer<Node>();
        _leases = informers.GetInformer<Lease>();
        _pods = informers.GetInformer<Pod>();
        PodsByNode.Ensure(_pods);
        _nodes.AddEventHandler(new ResourceEventHandler<Node>
        {
            Added = (node, _) => Enqueue(node),
            Updated = (_, node) => Enqueue(node),
            Deleted = (node, _) => _health.TryRemove(node.Metadata?.Name ?? "", out NodeHealth? _),
        });
        _leases.AddEventHandler(new ResourceEventHandler<Lease>
        {
            Added = (lease, _) => EnqueueNodeOf(lease),
            Updated = (_, lease) => EnqueueNodeOf(lease),
        });
        // A pod bound to an unreachable node after it was marked must be marked too.
        _pods.AddEventHandler(new ResourceEventHandler<Pod>
        {
            Added = (pod, _) => EnqueueNodeOf(pod),
            Updated = (old, pod) =>
            {
                if (old.Spec?.NodeName != pod.Spec?.NodeName || PodReady(old) != PodReady(pod))
                    EnqueueNodeOf(pod);
            },
        });
    }

    private void EnqueueNodeOf(Lease lease)
    {
        if (lease.Metadata?.Namespace == LeaseNamespace && lease.Metadata.Name is { } name)
            Queue.Add(name);
    }

    private void EnqueueNodeOf(Pod pod)
    {
        if (!string.IsNullOrEmpty(pod.Spec?.NodeName) && PodReady(pod) == "True"
            && _nodes.Cache.Get(pod.Spec.NodeName) is { } node && Condition(node, "Ready")?.Status == "Unknown")
            Queue.Add(pod.Spec.NodeName);
    }

    private static string? PodReady(Pod pod) => pod.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready")?.Status;

    private static NodeCondition? Condition(Node node, string type) => node.Status?.Conditions?.FirstOrDefault(c => c.Type == type);

    protected override async Task ReconcileAsync(string key, CancellationToken cancellationToken)
    {
        var node = _nodes.Cache.Get(key);
        if (node?.Metadata is null)
        {
            _health.TryRemove(key, out _);
            return;
        }

        var now = _client.Time.GetUtcNow();
        var renewed = _leases.Cache.Get(LeaseNamespace, key)?.Spec?.RenewTime?.Value;
        var ready = Condition(node, "Ready");
        DateTimeOffset? heartbeat = ready?.LastHeartbeatTime is { } beat ? beat : null;
        // A node first seen (also after a leader change) gets a full grace period, as upstream.
        var health = _health.AddOrUpdate(key, _ => new NodeHealth(now, renewed, heartbeat), (_, seen) => seen.Observe(now, renewed, heartbeat));
        var grace = ready is null ? _options.StartupGracePeriod : _options.GracePeriod;
        var silentFor = now - health.ProbeTime;
        if (silentFor > grace)
            node = await MarkUnknownAsync(node, now, cancellationToken);
        else
            Queue.AddAfter(key, grace - silentFor + TimeSpan.FromMilliseconds(100));

        if (Condition(node, "Ready")?.Status == "Unknown")
            await MarkPodsNotReadyAsync(node, cancellationToken);
        if (NodeConditionTaints.Reconcile(node, now) is { } taints)
        {
            var updated = Owners.Clone(node);
            updated.Spec ??= new NodeSpec();
            updated.Spec.Taints = taints;
            await _client.Resource<Node>().UpdateAsync(updated, cancellationToken: cancellationToken);
        }
    }

    /// <summary>Sets the conditions the node agent keeps to Unknown (added when it never posted them); the node as written.</summary>
    private async Task<Node> MarkUnknownAsync(Node node, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var updated = Owners.Clone(node);
        updated.Status ??= new NodeStatus();
        var conditions = updated.Status.Conditions ??= [];
        var changed = false;
        foreach (var type in ConditionsMarkedUnknown)
        {
            var condition = conditions.FirstOrDefault(c => c.Type == type);
            if (condition is null)
            {
                conditions.Add(new NodeCondition
                {
                    Type = type,
                    Status = "Unknown",
                    Reason = NeverUpdatedReason,
                    Message = "Kubelet never posted node status.",
                    LastHeartbeatTime = node.Metadata?.CreationTimestamp,
                    LastTransitionTime = now,
                });
                changed = true;
            }
            else if (condition.Status != "Unknown")
            {
                condition.Status = "Unknown";
                condition.Reason = UnknownReason;
                condition.Message = "Kubelet stopped posting node status.";
                condition.LastTransitionTime = now;
                changed = true;
            }
        }

        if (!changed)
            return node;
        var written = await _client.Resource<Node>().UpdateStatusAsync(updated, cancellationToken: cancellationToken);
        Logger.LogInformation("node {Node} stopped posting status: Ready=Unknown", node.Metadata!.Name);
        _events.Normal(written, "NodeNotReady", $"Node {node.Metadata.Name} status is now: NodeNotReady");
        return written;
    }

    /// <summary>Nobody reports for the pods of a silent node: their Ready condition turns False, so Services stop sending them traffic.</summary>
    private async Task MarkPodsNotReadyAsync(Node node, CancellationToken cancellationToken)
    {
        var now = _client.Time.GetUtcNow();
        foreach (var pod in PodsByNode.On(_pods, node.Metadata!.Name!))
        {
            if (PodReady(pod) != "True" || pod.Status?.Phase is "Succeeded" or "Failed")
                continue;
            var updated = Owners.Clone(pod);
            foreach (var condition in updated.Status!.Conditions!.Where(c => c.Type == "Ready"))
            {
                condition.Status = "False";
                condition.LastTransitionTime = now;
            }

            try
            {
                await _client.Resource<Pod>().UpdateStatusAsync(updated, cancellationToken: cancellationToken);
                _events.Warning(pod, "NodeNotReady", "Node is not ready");
            }
            catch (KubernetesApiException e) when (e.IsNotFound)
            {
                // Gone meanwhile.
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _events.Dispose();
        base.Dispose(disposing);
    }
}
