using System.Globalization;

namespace Kubelike.Node.Tests.Cri;

/// <summary>A containerd run by hack/containerd.sh, described by the settings its <c>start</c> printed.</summary>
public sealed class ContainerdInstance
{
    private readonly Dictionary<string, string> _exports;

    private ContainerdInstance(Dictionary<string, string> exports) => _exports = exports;

    public string StateDirectory => Export("KUBELIKE_CONTAINERD_DIR");

    public string Socket => Export("KUBELIKE_CONTAINERD_SOCKET");

    public string Bridge => Export("KUBELIKE_CNI_BRIDGE");

    /// <summary>The pod subnet, e.g. 10.89.7.0/24.</summary>
    public string PodCidr => Export("KUBELIKE_POD_CIDR");

    /// <summary>The cgroupfs parent pods go under.</summary>
    public string CgroupRoot => Export("KUBELIKE_CGROUP_ROOT");

    /// <summary>containerd's process id.</summary>
    public int ProcessId => int.Parse(File.ReadAllText(Path.Combine(StateDirectory, "containerd.pid")).Trim(), CultureInfo.InvariantCulture);

    /// <summary>The containerd-shim processes serving this instance (their command line names its socket).</summary>
    public List<int> ShimProcessIds()
    {
        var shims = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                continue;
            try
            {
                var commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains("containerd-shim", StringComparison.Ordinal) && commandLine.Contains(Socket, StringComparison.Ordinal))
                    shims.Add(pid);
            }
            catch (IOException)
            {
                // the process ended meanwhile
            }
        }
        return shims;
    }

    /// <summary>The instance already running in <paramref name="stateDirectory"/> (a second start only prints its settings).</summary>
    public static ContainerdInstance Existing(string stateDirectory) => new(ParseExports(RunScript("start", stateDirectory)));

    /// <summary>
    /// Starts a new instance in a fresh /tmp directory with its own bridge, cgroup root and a /24 inside 10.89.0.0/16
    /// that no host route uses (hack/containerd.sh refuses an overlapping one, and then another is tried).
    /// </summary>
    public static ContainerdInstance StartNew()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var dir = $"/tmp/kl-cri-{suffix}";
        string? lastError = null;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var subnet = $"10.89.{Random.Shared.Next(1, 255)}.0/24";
            try
            {
                return new ContainerdInstance(ParseExports(RunScript(
                    "start", dir, "--bridge", $"klt{suffix}", "--pod-cidr", subnet, "--cgroup-root", $"kubelike-test-{suffix}")));
            }
            catch (InvalidOperationException e) when (e.Message.Contains("overlaps", StringComparison.Ordinal))
            {
                lastError = e.Message;
            }
        }
        throw new InvalidOperationException($"no free pod subnet: {lastError}");
    }

    /// <summary>Stops it (killing what still runs, undoing its host changes) and removes its state directory.</summary>
    public void StopAndDelete() => RunScript("stop", StateDirectory, "--delete");

    /// <summary>Runs hack/containerd.sh and returns its stdout.</summary>
    public static string RunScript(params string[] arguments) =>
        HostCommand.Run(Path.Combine(RepositoryRoot(), "hack", "containerd.sh"), arguments);

    private string Export(string name) =>
        _exports.GetValueOrDefault(name) ?? throw new InvalidOperationException($"hack/containerd.sh start printed no {name}");

    private static Dictionary<string, string> ParseExports(string exports)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in exports.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var assignment = line.StartsWith("export ", StringComparison.Ordinal) ? line[7..] : line;
            var equals = assignment.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
                values[assignment[..equals]] = assignment[(equals + 1)..].Trim('\'', '"');
        }
        return values;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kubelike.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("cannot find the repository root (Kubelike.sln) above " + AppContext.BaseDirectory);
    }
}
