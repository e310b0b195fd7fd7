using Kubelike.Api.Core.V1;

namespace Kubelike.Controllers.Scheduling;

/// <summary>
/// The scheduler's view of the cluster: every node with the pods bound to it, plus the pods it has <em>assumed</em>
/// onto a node (chosen, binding under way) so that a burst of decisions never overcommits a node before the
/// informers report the bindings. Thread-safe: informer handlers write it, the scheduling loop reads it under
/// <see cref="Gate"/>.
/// </summary>
public sealed class SchedulerCache
{
    private readonly Dictionary<string, NodeInfo> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Node, bool Assumed)> _pods = new(StringComparer.Ordinal);

    /// <summary>Held while reading <see cref="Nodes"/> or a <see cref="NodeInfo"/>.</summary>
    public Lock Gate { get; } = new();

    /// <summary>The nodes that have a Node object (under <see cref="Gate"/>).</summary>
    public IEnumerable<NodeInfo> Nodes => _nodes.Values.Where(n => n.Node is not null);

    public int NodeCount
    {
        get
        {
            lock (Gate)
                return _nodes.Values.Count(n => n.Node is not null);
        }
    }

    public void UpsertNode(Node node)
    {
        lock (Gate)
            NodeInfo(node.Metadata!.Name!).SetNode(node);
    }

    public void RemoveNode(string name)
    {
        lock (Gate)
        {
            if (!_nodes.TryGetValue(name, out var info))
                return;
            if (info.PodCount == 0)
                _nodes.Remove(name);
            else
                info.SetNode(null);
        }
    }

    /// <summary>A pod the informer reports: bound ones count on their node (confirming an assumption), others do not.</summary>
    public void UpsertPod(Pod pod)
    {
        var uid = pod.Metadata?.Uid;
        if (uid is null)
            return;
        var nodeName = pod.Spec?.NodeName;
        var terminal = pod.Status?.Phase is "Succeeded" or "Failed";
        lock (Gate)
        {
            if (string.IsNullOrEmpty(nodeName) || terminal)
            {
                // Unbound (or no longer holding resources): nothing to count, unless we assumed it and are still binding.
                if (terminal || (_pods.TryGetValue(uid, out var state) && !state.Assumed))
                    RemoveLocked(uid);
                return;
            }

            if (_pods.TryGetValue(uid, out var current))
            {
                if (current.Node == nodeName)
                {
                    _pods[uid] = (nodeName, false);
                    return;
                }

                RemoveLocked(uid);
            }

            AddLocked(PodInfo.Of(pod), nodeName, assumed: false);
        }
    }

    public void RemovePod(Pod pod)
    {
        if (pod.Metadata?.Uid is not { } uid)
            return;
        lock (Gate)
            RemoveLocked(uid);
    }

    /// <summary>Counts the pod on <paramref name="nodeName"/> before its binding is seen (caller holds <see cref="Gate"/> or not).</summary>
    public void Assume(PodInfo pod, string nodeName)
    {
        lock (Gate)
        {
            RemoveLocked(pod.Uid);
            AddLocked(pod, nodeName, assumed: true);
        }
    }

    /// <summary>Undoes <see cref="Assume"/> after a failed binding, unless the informer has confirmed a binding meanwhile.</summary>
    public void Forget(PodInfo pod)
    {
        lock (Gate)
        {
            if (_pods.TryGetValue(pod.Uid, out var state) && state.Assumed)
                RemoveLocked(pod.Uid);
        }
    }

    public bool IsAssumedOrBound(string uid)
    {
        lock (Gate)
            return _pods.ContainsKey(uid);
    }

    private NodeInfo NodeInfo(string name)
    {
        if (!_nodes.TryGetValue(name, out var info))
            _nodes[name] = info = new NodeInfo(name);
        return info;
    }

    private void AddLocked(PodInfo pod, string nodeName, bool assumed)
    {
        _pods[pod.Uid] = (nodeName, assumed);
        NodeInfo(nodeName).AddPod(pod);
    }

    private void RemoveLocked(string uid)
    {
        if (!_pods.Remove(uid, out var state) || !_nodes.TryGetValue(state.Node, out var info))
            return;
        info.RemovePod(uid);
        if (info.Node is null && info.PodCount == 0)
            _nodes.Remove(state.Node);
    }
}
