using Kubelike.Api.Core.V1;
using Kubelike.Api.Primitives;

namespace Kubelike.Node.Hollow;

/// <summary>What a hollow node is: its name, what it offers, how it heartbeats and how it plays out its pods.</summary>
public sealed record HollowNodeOptions
{
    /// <summary>Set on a pod (restartPolicy Never or OnFailure) to make it end once Running: 0 Succeeded, anything else Failed.</summary>
    public const string ExitCodeAnnotation = "kubelike.io/hollow-exit-code";

    /// <summary>Seconds (decimal) a pod with <see cref="ExitCodeAnnotation"/> stays Running before it ends; 0 when absent.</summary>
    public const string RunSecondsAnnotation = "kubelike.io/hollow-run-seconds";

    /// <summary>Set to <c>false</c> on a pod to keep it Running but never Ready (as a failing readiness probe would).</summary>
    public const string ReadyAnnotation = "kubelike.io/hollow-ready";

    /// <summary>Seconds (decimal) a Running pod waits before it becomes Ready (as an initial readiness delay would); 0 when absent.</summary>
    public const string ReadyAfterSecondsAnnotation = "kubelike.io/hollow-ready-after-seconds";

    public required string NodeName { get; init; }

    /// <summary>Capacity, also reported as allocatable: cpu 4, memory 8Gi, pods 110, ephemeral-storage 100Gi unless given.</summary>
    public IReadOnlyDictionary<string, Quantity> Capacity { get; init; } = DefaultCapacity;

    /// <summary>Labels besides kubernetes.io/hostname, os and arch.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<Taint> Taints { get; init; } = [];

    /// <summary>
    /// A number that picks the node's addresses: InternalIP 172.20.X.Y and pod IPs in 10.(128+X).Y.0/24. A stable hash
    /// of the name unless given (give distinct ones when many nodes run together).
    /// </summary>
    public int? AddressIndex { get; init; }

    public TimeSpan LeaseRenewInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the Node's status (condition heartbeats) is rewritten.</summary>
    public TimeSpan StatusReportInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Delete the Node and its Lease when the hollow node stops (tests, so later pods are not bound to it).</summary>
    public bool DeleteNodeOnStop { get; init; }

    public static IReadOnlyDictionary<string, Quantity> DefaultCapacity { get; } = new Dictionary<string, Quantity>
    {
        ["cpu"] = Quantity.Parse("4"),
        ["memory"] = Quantity.Parse("8Gi"),
        ["pods"] = Quantity.Parse("110"),
        ["ephemeral-storage"] = Quantity.Parse("100Gi"),
    };

    /// <summary>Parses <c>cpu=4,memory=8Gi,pods=110</c> over <see cref="DefaultCapacity"/>.</summary>
    public static IReadOnlyDictionary<string, Quantity> ParseCapacity(string? text)
    {
        var capacity = new Dictionary<string, Quantity>(DefaultCapacity);
        foreach (var item in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = item.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || !Quantity.TryParse(parts[1], out var quantity))
                throw new FormatException($"capacity \"{item}\" is not NAME=QUANTITY");
            capacity[parts[0]] = quantity;
        }

        return capacity;
    }

    internal int EffectiveAddressIndex
    {
        get
        {
            if (AddressIndex is { } index)
                return index & 0x7fff;
            // FNV-1a: string.GetHashCode differs from run to run.
            var hash = 2166136261u;
            foreach (var c in NodeName)
                hash = (hash ^ c) * 16777619u;
            return (int)(hash & 0x7fff);
        }
    }
}
