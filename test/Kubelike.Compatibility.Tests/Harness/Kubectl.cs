namespace Kubelike.Compatibility.Tests.Harness;

/// <summary>
/// One kubectl binary pointed at a cluster through <c>--kubeconfig</c>, with its own discovery cache directory
/// (kubectl caches discovery and OpenAPI; a cache shared between tests would hide requests a test means to make).
/// </summary>
public sealed class Kubectl(KubectlVersion version, string kubeconfig, string cacheDirectory)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public KubectlVersion Version { get; } = version;

    public string BinaryPath { get; } = ToolPaths.Kubectl(version);

    public string Kubeconfig { get; } = kubeconfig;

    public string CacheDirectory { get; } = cacheDirectory;

    /// <summary>Runs <c>kubectl args...</c> to completion with <see cref="DefaultTimeout"/>.</summary>
    public Task<ToolResult> RunAsync(params string[] args) => RunAsync(args, stdin: null);

    /// <summary>Runs <c>kubectl args...</c> with <paramref name="stdin"/> (e.g. a manifest for <c>-f -</c>).</summary>
    public Task<ToolResult> RunAsync(string[] args, string? stdin, TimeSpan? timeout = null) =>
        ToolProcess.RunAsync(CreateStartInfo(args), stdin, timeout ?? DefaultTimeout);

    /// <summary>Runs <c>kubectl args...</c> with extra environment variables (e.g. <c>KUBE_EDITOR</c> for <c>kubectl edit</c>).</summary>
    public Task<ToolResult> RunWithEnvironmentAsync(IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        ToolProcess.RunAsync(CreateStartInfo(args, environment), stdin: null, DefaultTimeout);

    /// <summary>
    /// Runs a streaming command (<c>get -w</c>, <c>logs -f</c>, <c>rollout status</c>...) and reads its stdout
    /// until <paramref name="until"/> holds for the lines so far or <paramref name="timeout"/> passes, then kills it.
    /// </summary>
    public Task<WatchResult> WatchAsync(string[] args, Func<IReadOnlyList<string>, bool> until, TimeSpan? timeout = null) =>
        ToolProcess.WatchAsync(CreateStartInfo(args), until, timeout ?? DefaultTimeout);

    private System.Diagnostics.ProcessStartInfo CreateStartInfo(string[] args, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var environment = new Dictionary<string, string?>
        {
            // Nothing from the user running the tests: no other kubeconfig, no ~/.kube (config, kuberc).
            ["KUBECONFIG"] = null,
            ["HOME"] = CacheDirectory,
        };
        foreach (var (name, value) in extra ?? new Dictionary<string, string?>())
            environment[name] = value;
        return ToolProcess.CreateStartInfo(ToolPaths.Require(BinaryPath), ["--kubeconfig", Kubeconfig, "--cache-dir", CacheDirectory, .. args], environment);
    }
}
