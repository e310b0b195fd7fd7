using System.Globalization;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Kubelike.Node.Registration;

/// <summary>What the node reports about its host: capacity and identity, read from /proc, /etc and the interfaces.</summary>
public sealed record HostFacts(
    int Cpus,
    long MemoryBytes,
    long EphemeralStorageBytes,
    string Hostname,
    string InternalIp,
    string KernelVersion,
    string OsImage,
    string MachineId,
    string BootId,
    string Architecture)
{
    public static HostFacts Read(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var drive = new DriveInfo(dataDirectory);
        return new HostFacts(
            Environment.ProcessorCount,
            MemTotalBytes(),
            drive.TotalSize,
            Dns.GetHostName(),
            PrimaryIpv4(),
            ReadFirstLine("/proc/sys/kernel/osrelease") ?? Environment.OSVersion.Version.ToString(),
            PrettyOsName(),
            ReadFirstLine("/etc/machine-id") ?? "",
            ReadFirstLine("/proc/sys/kernel/random/boot_id") ?? "",
            System.Runtime.InteropServices.RuntimeInformation.OSArchitecture switch
            {
                System.Runtime.InteropServices.Architecture.X64 => "amd64",
                System.Runtime.InteropServices.Architecture.Arm64 => "arm64",
                var other => other.ToString().ToLowerInvariant(),
            });
    }

    private static long MemTotalBytes()
    {
        foreach (var line in File.ReadLines("/proc/meminfo"))
        {
            if (line.StartsWith("MemTotal:", StringComparison.Ordinal))
            {
                var kib = line["MemTotal:".Length..].Trim().Split(' ')[0];
                return long.Parse(kib, CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }

    /// <summary>The first IPv4 address of an interface that is up, not loopback and not a pod bridge or veth.</summary>
    private static string PrimaryIpv4()
    {
        foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
        {
            if (nic.OperationalStatus != OperationalStatus.Up || nic.NetworkInterfaceType == NetworkInterfaceType.Loopback
                || nic.Name.StartsWith("veth", StringComparison.Ordinal) || nic.Name.StartsWith("kl", StringComparison.Ordinal)
                || nic.Name.StartsWith("kubelike", StringComparison.Ordinal) || nic.Name.StartsWith("cni", StringComparison.Ordinal))
                continue;
            foreach (var address in nic.GetIPProperties().UnicastAddresses)
            {
                if (address.Address.AddressFamily == AddressFamily.InterNetwork)
                    return address.Address.ToString();
            }
        }

        return "127.0.0.1";
    }

    private static string PrettyOsName()
    {
        foreach (var line in File.Exists("/etc/os-release") ? File.ReadLines("/etc/os-release") : [])
        {
            if (line.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))
                return line["PRETTY_NAME=".Length..].Trim('"');
        }

        return "Linux";
    }

    private static string? ReadFirstLine(string path) =>
        File.Exists(path) ? File.ReadLines(path).FirstOrDefault()?.Trim() : null;
}
