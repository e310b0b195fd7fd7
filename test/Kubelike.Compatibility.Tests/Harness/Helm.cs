namespace Kubelike.Compatibility.Tests.Harness;

/// <summary>One helm binary pointed at a cluster through <c>--kubeconfig</c>, with its config, cache and data homes in a directory of the test.</summary>
public sealed class Helm(HelmVersion version, string kubeconfig, string homeDirectory)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    public HelmVersion Version { get; } = version;

    public string BinaryPath { get; } = ToolPaths.Helm(version);

    /// <summary>Runs <c>helm args... --kubeconfig …</c> to completion.</summary>
    public Task<ToolResult> RunAsync(params string[] args) => RunAsync(args, stdin: null);

    public Task<ToolResult> RunAsync(string[] args, string? stdin, TimeSpan? timeout = null) =>
        ToolProcess.RunAsync(
            ToolProcess.CreateStartInfo(
                ToolPaths.Require(BinaryPath),
                [.. args, "--kubeconfig", kubeconfig],
                new Dictionary<string, string?>
                {
                    ["KUBECONFIG"] = null,
                    ["HOME"] = homeDirectory,
                    ["HELM_CACHE_HOME"] = Path.Combine(homeDirectory, "cache"),
                    ["HELM_CONFIG_HOME"] = Path.Combine(homeDirectory, "config"),
                    ["HELM_DATA_HOME"] = Path.Combine(homeDirectory, "data"),
                }),
            stdin,
            timeout ?? DefaultTimeout);
}
