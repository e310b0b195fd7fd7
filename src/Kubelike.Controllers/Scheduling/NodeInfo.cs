using Kubelike.Api.Core.V1;

namespace Kubelike.Controllers.Scheduling;

/// <summary>
/// One node as the scheduler sees it: the Node object, what it can hold, and the running totals of the pods bound
/// or assumed to be bound to it (requests, host ports, pods per controller for spreading).
/// </summary>
public sealed class NodeInfo(string name)
{
    private readonly Dictionary<string, PodInfo> _pods = new(StringComparer.Ordinal);
    private readonly Dictionary<HostPort, int> _usedPorts = [];
    private readonly Dictionary<string, int> _spreadCounts = new(StringComparer.Ordinal);

    public string Name { get; } = name;

    /// <summary>The Node object; null while only pods bound to a node the scheduler has not seen are known.</summary>
    public Node? Node { get; private set; }

    public ResourceSet Allocatable { get; private set; } = new();

    public long AllowedPodCount { get; private set; }

    /// <summary>The sum of the requests of the pods on the node.</summary>
    public ResourceSet Requested { get; } = new();

    /// <summary>The sum of the requests with cpu and memory defaulted per container, for scoring.</summary>
    public ResourceSet NonZeroRequested { get; } = new();

    public int PodCount => _pods.Count;

    public IReadOnlyDictionary<HostPort, int> UsedPorts => _usedPorts;

    public void SetNode(Node? node)
    {
        Node = node;
        var allocatable = node?.Status?.Allocatable ?? node?.Status?.Capacity;
        Allocatable = ResourceSet.From(allocatable);
        AllowedPodCount = allocatable is not null && allocatable.TryGetValue("pods", out var pods) ? pods.ToInt64() : 0;
    }

    /// <summary>How many pods with this spreading key (a controller's uid) the node has.</summary>
    public int SpreadCount(string? key) => key is null ? 0 : _spreadCounts.GetValueOrDefault(key);

    public bool Contains(string uid) => _pods.ContainsKey(uid);

    public void AddPod(PodInfo pod)
    {
        if (!_pods.TryAdd(pod.Uid, pod))
            return;
        Requested.Add(pod.Requests);
        NonZeroRequested.Add(pod.NonZeroRequests);
        foreach (var port in pod.HostPorts)
            _usedPorts[port] = _usedPorts.GetValueOrDefault(port) + 1;
        if (pod.SpreadKey is { } key)
            _spreadCounts[key] = _spreadCounts.GetValueOrDefault(key) + 1;
    }

    public void RemovePod(string uid)
    {
        if (!_pods.Remove(uid, out var pod))
            return;
        Requested.Add(pod.Requests, -1);
        NonZeroRequested.Add(pod.NonZeroRequests, -1);
        foreach (var port in pod.HostPorts)
        {
            if (_usedPorts.GetValueOrDefault(port) <= 1)
                _usedPorts.Remove(port);
            else
                _usedPorts[port]--;
        }

        if (pod.SpreadKey is { } key)
        {
            if (_spreadCounts.GetValueOrDefault(key) <= 1)
                _spreadCounts.Remove(key);
            else
                _spreadCounts[key]--;
        }
    }
}
