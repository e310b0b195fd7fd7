using System.Diagnostics;

namespace Kubelike.Benchmarks;

/// <summary>
/// The containerd the pod startup scenario runs pods on: the one hack/containerd.sh started in
/// $KUBELIKE_CONTAINERD_DIR (or $KUBELIKE_TEST_CONTAINERD_DIR), else one started here with a bridge, a /24 of
/// 10.89.0.0/16 and a cgroup root of its own, and stopped (its directory removed) at the end.
/// </summary>
internal sealed class BenchmarkContainerd : IDisposable
{
    private readonly bool _startedHere;

    private BenchmarkContainerd(Dictionary<string, string> exports, bool startedHere)
    {
        _startedHere = startedHere;
        StateDirectory = exports["KUBELIKE_CONTAINERD_DIR"];
        Socket = exports["KUBELIKE_CONTAINERD_SOCKET"];
        CgroupRoot = exports["KUBELIKE_CGROUP_ROOT"];
        PodCidr = exports["KUBELIKE_POD_CIDR"];
    }

    public string StateDirectory { get; }

    public string Socket { get; }

    public string CgroupRoot { get; }

    public string PodCidr { get; }

    public static BenchmarkContainerd Start(TextWriter progress)
    {
        var existing = Environment.GetEnvironmentVariable("KUBELIKE_CONTAINERD_DIR") is { Length: > 0 } dir ? dir
            : Environment.GetEnvironmentVariable("KUBELIKE_TEST_CONTAINERD_DIR");
        if (!string.IsNullOrEmpty(existing))
        {
            progress.WriteLine($"podstartup: using the containerd in {existing}");
            return new BenchmarkContainerd(Parse(Script("start", existing)), startedHere: false);
        }

        var suffix = Guid.NewGuid().ToString("N")[..6];
        for (var attempt = 0; ; attempt++)
        {
            var subnet = $"10.89.{Random.Shared.Next(1, 255)}.0/24";
            try
            {
                progress.WriteLine($"podstartup: starting containerd in /tmp/kl-bench-{suffix} (pods {subnet}) ...");
                return new BenchmarkContainerd(Parse(Script("start", $"/tmp/kl-bench-{suffix}", "--bridge", $"klb{suffix}", "--pod-cidr", subnet,
                    "--cgroup-root", $"kubelike-bench-{suffix}")), startedHere: true);
            }
            catch (InvalidOperationException e) when (attempt < 4 && e.Message.Contains("overlaps", StringComparison.Ordinal))
            {
                // another instance's subnet: try another
            }
        }
    }

    public void Dispose()
    {
        if (_startedHere)
            Script("stop", StateDirectory, "--delete");
    }

    private static Dictionary<string, string> Parse(string exports)
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

    private static string Script(params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(RepositoryRoot(), "hack", "containerd.sh"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"hack/containerd.sh {string.Join(' ', arguments)} failed: {stderr.Result}");
        return stdout;
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
