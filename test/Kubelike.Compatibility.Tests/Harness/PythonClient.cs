namespace Kubelike.Compatibility.Tests.Harness;

/// <summary>
/// Runs Python scripts against a cluster with the official <c>kubernetes</c> client, Debian's python3-kubernetes.
/// That package is installed for Debian's /usr/bin/python3, which need not be the python3 first on PATH (pyenv).
/// </summary>
public sealed class PythonClient(string kubeconfig)
{
    public const string Interpreter = "/usr/bin/python3";

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    // One line, so that line N of a script is line N + 1 of a traceback.
    private const string Prelude =
        "import os, kubernetes; kubernetes.config.load_kube_config(config_file=os.environ['KUBELIKE_KUBECONFIG']); api_client = kubernetes.client.ApiClient()\n";

    /// <summary>
    /// Runs <paramref name="script"/> after a prelude that imports <c>kubernetes</c>, configures it from the cluster's
    /// kubeconfig with <c>kubernetes.config.load_kube_config(config_file=…)</c> and makes <c>api_client</c>
    /// (a <c>kubernetes.client.ApiClient</c>). Any uncaught exception makes the exit code non-zero.
    /// </summary>
    public Task<ToolResult> RunAsync(string script, TimeSpan? timeout = null) =>
        ToolProcess.RunAsync(
            ToolProcess.CreateStartInfo(
                ToolPaths.Require(Interpreter),
                ["-c", Prelude + script],
                new Dictionary<string, string?>
                {
                    ["KUBELIKE_KUBECONFIG"] = kubeconfig,
                    ["KUBECONFIG"] = null,
                    // Debian's packages only: nothing from a pyenv or the user's site-packages.
                    ["PYTHONPATH"] = null,
                    ["PYTHONHOME"] = null,
                    ["PYTHONNOUSERSITE"] = "1",
                    ["PYTHONDONTWRITEBYTECODE"] = "1",
                    ["PYTHONUNBUFFERED"] = "1",
                }),
            stdin: null,
            timeout ?? DefaultTimeout);
}
