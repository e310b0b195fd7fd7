namespace Kubelike.Compatibility.Tests.Harness;

/// <summary>Runs JavaScript against a cluster with the official <c>@kubernetes/client-node</c> from .tools/node-client.</summary>
public sealed class NodeClient(string kubeconfig)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    // One line, so that line N of a script is line N + 1 in a stack trace. The body runs in an async function so
    // scripts can await; a rejection there, like any uncaught error, makes the exit code non-zero.
    private const string Prelude =
        "const k8s = require('@kubernetes/client-node'); const kc = new k8s.KubeConfig(); kc.loadFromFile(process.env.KUBELIKE_KUBECONFIG); (async () => {\n";

    private const string Epilogue = "\n})().catch((e) => { console.error(e); process.exitCode = 1; });\n";

    /// <summary>
    /// Runs <paramref name="script"/> (CommonJS, <c>await</c> allowed) with <c>k8s</c> (the client module) and
    /// <c>kc</c> (a <c>KubeConfig</c> loaded from the cluster's kubeconfig) defined. <c>require</c> finds the
    /// client's own dependencies too (e.g. <c>node-fetch</c>, which it uses with <c>kc.applyToFetchOptions</c>).
    /// </summary>
    public Task<ToolResult> RunAsync(string script, TimeSpan? timeout = null) =>
        ToolProcess.RunAsync(
            ToolProcess.CreateStartInfo(
                "node",
                ["-e", Prelude + script + Epilogue],
                new Dictionary<string, string?>
                {
                    ["KUBELIKE_KUBECONFIG"] = kubeconfig,
                    ["KUBECONFIG"] = null,
                    ["NODE_PATH"] = ToolPaths.Require(ToolPaths.NodeModules),
                    ["NODE_OPTIONS"] = null,
                }),
            stdin: null,
            timeout ?? DefaultTimeout);
}
