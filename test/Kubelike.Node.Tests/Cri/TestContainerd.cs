using System.Diagnostics;

namespace Kubelike.Node.Tests.Cri;

/// <summary>
/// The containerd the CRI tests talk to: the one named by KUBELIKE_TEST_CONTAINERD_DIR (as hack/run-tests.sh starts
/// it with hack/containerd.sh), or, when unset, one started here with the same script in a fresh state directory,
/// with a bridge, pod subnet and cgroup root of its own, and stopped (host changes undone, directory removed) at
/// the end.
/// </summary>
[SetUpFixture]
public sealed class TestContainerd
{
    private static Dictionary<string, string>? _exports;
    private static string? _startedDir;

    public static string StateDirectory => Export("KUBELIKE_CONTAINERD_DIR");

    public static string Socket => Export("KUBELIKE_CONTAINERD_SOCKET");

    public static string Bridge => Export("KUBELIKE_CNI_BRIDGE");

    /// <summary>The pod subnet, e.g. 10.89.7.0/24.</summary>
    public static string PodCidr => Export("KUBELIKE_POD_CIDR");

    /// <summary>The cgroupfs parent the tests put their pods under.</summary>
    public static string CgroupRoot => Export("KUBELIKE_CGROUP_ROOT");

    /// <summary>containerd's process id.</summary>
    public static int ProcessId => int.Parse(File.ReadAllText(Path.Combine(StateDirectory, "containerd.pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    [OneTimeSetUp]
    public void Start()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("KUBELIKE_TEST_CONTAINERD_DIR");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            // Already running: `start` on a running state directory only prints its settings.
            _exports = ParseExports(RunScript("start", fromEnvironment));
            return;
        }

        var suffix = Guid.NewGuid().ToString("N")[..6];
        var dir = $"/tmp/kl-cri-{suffix}";
        // A /24 inside 10.89.0.0/16 that no host route uses; containerd.sh refuses an overlapping one.
        string? lastError = null;
        for (var attempt = 0; attempt < 5 && _exports is null; attempt++)
        {
            var subnet = $"10.89.{Random.Shared.Next(1, 255)}.0/24";
            try
            {
                _exports = ParseExports(RunScript(
                    "start", dir, "--bridge", $"klt{suffix}", "--pod-cidr", subnet, "--cgroup-root", $"kubelike-test-{suffix}"));
                _startedDir = dir;
            }
            catch (InvalidOperationException e) when (e.Message.Contains("overlaps", StringComparison.Ordinal))
            {
                lastError = e.Message;
            }
        }
        if (_exports is null)
            throw new InvalidOperationException($"no free pod subnet: {lastError}");
    }

    [OneTimeTearDown]
    public void Stop()
    {
        if (_startedDir is null)
            return;
        RunScript("stop", _startedDir);
        Directory.Delete(_startedDir, recursive: true);
    }

    /// <summary>Runs hack/containerd.sh and returns its stdout; throws with its stderr when it fails.</summary>
    public static string RunScript(params string[] arguments)
    {
        var script = Path.Combine(RepositoryRoot(), "hack", "containerd.sh");
        var start = new ProcessStartInfo(script) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{script} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result}");
        return output;
    }

    private static string Export(string name) =>
        _exports?.GetValueOrDefault(name) ?? throw new InvalidOperationException($"test containerd not started ({name} unknown)");

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
