using Kubelike.Api.Primitives;

namespace Kubelike.Controllers.Scheduling;

/// <summary>
/// Amounts of the resources the scheduler counts: cpu in millicores, memory and ephemeral-storage in bytes, and
/// extended resources (e.g. <c>example.com/gpu</c>) in their units. Mutable: a node's running totals are one.
/// </summary>
public sealed class ResourceSet
{
    public long MilliCpu { get; set; }

    public long Memory { get; set; }

    public long EphemeralStorage { get; set; }

    /// <summary>Extended resources, by name; null while there are none.</summary>
    public Dictionary<string, long>? Scalars { get; private set; }

    public static ResourceSet From(IDictionary<string, Quantity>? quantities)
    {
        var set = new ResourceSet();
        set.Add(quantities);
        return set;
    }

    public void Add(IDictionary<string, Quantity>? quantities)
    {
        if (quantities is null)
            return;
        foreach (var (name, quantity) in quantities)
        {
            switch (name)
            {
                case "cpu":
                    MilliCpu += quantity.ToMilliValue();
                    break;
                case "memory":
                    Memory += quantity.ToInt64();
                    break;
                case "ephemeral-storage":
                    EphemeralStorage += quantity.ToInt64();
                    break;
                case "pods":
                    break;
                default:
                    if (IsExtended(name))
                        AddScalar(name, quantity.ToInt64());
                    break;
            }
        }
    }

    public void Add(ResourceSet other, int sign = 1)
    {
        MilliCpu += sign * other.MilliCpu;
        Memory += sign * other.Memory;
        EphemeralStorage += sign * other.EphemeralStorage;
        if (other.Scalars is null)
            return;
        foreach (var (name, value) in other.Scalars)
            AddScalar(name, sign * value);
    }

    /// <summary>Each resource raised to at least <paramref name="other"/>'s amount (how init containers count).</summary>
    public void SetMax(ResourceSet other)
    {
        MilliCpu = Math.Max(MilliCpu, other.MilliCpu);
        Memory = Math.Max(Memory, other.Memory);
        EphemeralStorage = Math.Max(EphemeralStorage, other.EphemeralStorage);
        if (other.Scalars is null)
            return;
        foreach (var (name, value) in other.Scalars)
        {
            Scalars ??= [];
            Scalars[name] = Math.Max(Scalars.GetValueOrDefault(name), value);
        }
    }

    public long Scalar(string name) => Scalars?.GetValueOrDefault(name) ?? 0;

    private void AddScalar(string name, long value)
    {
        Scalars ??= [];
        Scalars[name] = Scalars.GetValueOrDefault(name) + value;
    }

    /// <summary>Resources outside the kubernetes.io namespace (or requests.*-style hugepages) that nodes advertise by name.</summary>
    private static bool IsExtended(string name) =>
        name.StartsWith("hugepages-", StringComparison.Ordinal) || (name.Contains('/', StringComparison.Ordinal) && !name.StartsWith("kubernetes.io/", StringComparison.Ordinal));
}
