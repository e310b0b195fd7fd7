using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Kubelike.ApiServer.Services;

/// <summary>
/// The service network (kube-apiserver's --service-cluster-ip-range and --service-node-port-range): where cluster IPs
/// and node ports are allocated from. IPv4 only: the cluster is single-stack.
/// </summary>
public sealed class ServiceNetworkOptions
{
    public const string DefaultClusterIPRange = "10.96.0.0/12";
    public const string DefaultNodePortRange = "30000-32767";

    public IPNetwork ClusterIPRange { get; init; } = IPNetwork.Parse(DefaultClusterIPRange);

    public int NodePortFirst { get; init; } = 30000;

    public int NodePortLast { get; init; } = 32767;

    public string NodePortRange => $"{NodePortFirst}-{NodePortLast}";

    /// <summary>The first address of the range, reserved for the <c>kubernetes</c> service (10.96.0.1 by default).</summary>
    public IPAddress KubernetesServiceIP => ClusterIPAt(0);

    /// <summary>Addresses that can be allocated: the range without its network and broadcast addresses.</summary>
    public long ClusterIPCount => (1L << (32 - ClusterIPRange.PrefixLength)) - 2;

    /// <summary>The allocatable address at <paramref name="offset"/> (0 is the first after the network address).</summary>
    public IPAddress ClusterIPAt(long offset) => ToAddress(ToNumber(ClusterIPRange.BaseAddress) + 1 + offset);

    /// <summary>The offset of an allocatable address, or null when it is outside the range (or its network or broadcast address).</summary>
    public long? ClusterIPOffset(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetwork || !ClusterIPRange.Contains(address))
            return null;
        var offset = ToNumber(address) - ToNumber(ClusterIPRange.BaseAddress) - 1;
        return offset >= 0 && offset < ClusterIPCount ? offset : null;
    }

    /// <summary>Parses "10.96.0.0/12"; throws <see cref="ArgumentException"/> with the reason.</summary>
    public static IPNetwork ParseClusterIPRange(string text)
    {
        if (!IPNetwork.TryParse(text, out var network))
            throw new ArgumentException($"--service-cluster-ip-range '{text}' is not a CIDR");
        if (network.BaseAddress.AddressFamily != AddressFamily.InterNetwork)
            throw new ArgumentException($"--service-cluster-ip-range '{text}': only IPv4 ranges are supported");
        if (network.PrefixLength is < 8 or > 30)
            throw new ArgumentException($"--service-cluster-ip-range '{text}': the prefix must be between /8 and /30");
        return network;
    }

    /// <summary>Parses "30000-32767" (or a single port); throws <see cref="ArgumentException"/> with the reason.</summary>
    public static (int First, int Last) ParseNodePortRange(string text)
    {
        var parts = text.Split('-', 2, StringSplitOptions.TrimEntries);
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            || !int.TryParse(parts.Length == 2 ? parts[1] : parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var last)
            || first is < 1 or > 65535 || last is < 1 or > 65535 || last < first)
        {
            throw new ArgumentException($"--service-node-port-range '{text}' is not a port range such as {DefaultNodePortRange}");
        }
        return (first, last);
    }

    private static long ToNumber(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        return ((long)bytes[0] << 24) | ((long)bytes[1] << 16) | ((long)bytes[2] << 8) | bytes[3];
    }

    private static IPAddress ToAddress(long number) =>
        new([(byte)(number >> 24), (byte)(number >> 16), (byte)(number >> 8), (byte)number]);
}
