namespace Kubelike.Compatibility.Tests.Harness;

/// <summary>Where hack/install-clients.sh put the client tools: $KUBELIKE_TOOLS, or .tools/ at the repository root.</summary>
public static class ToolPaths
{
    public const string EnvironmentVariable = "KUBELIKE_TOOLS";

    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The tools directory; it need not exist (<see cref="Require"/> says what to do then).</summary>
    public static string Root => LazyRoot.Value;

    public static string Kubectl(KubectlVersion version) => Path.Combine(Root, version switch
    {
        KubectlVersion.V1_32 => "kubectl-1.32",
        KubectlVersion.V1_35 => "kubectl-1.35",
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, null),
    }, "kubectl");

    public static string Helm(HelmVersion version) => Path.Combine(Root, version switch
    {
        HelmVersion.V3 => "helm-3",
        HelmVersion.V4 => "helm-4",
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, null),
    }, "helm");

    public static string NodeModules => Path.Combine(Root, "node-client", "node_modules");

    /// <summary>Returns <paramref name="path"/> when it exists; a missing tool fails the test, it is not skipped.</summary>
    public static string Require(string path) =>
        File.Exists(path) || Directory.Exists(path)
            ? path
            : throw new FileNotFoundException($"{path} is missing: run hack/install-clients.sh (or set {EnvironmentVariable})", path);

    private static string FindRoot()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }

        // The tests run from test/<project>/bin/<configuration>/<framework>/: walk up to the solution.
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Kubelike.sln")))
            {
                return Path.Combine(directory.FullName, ".tools");
            }
        }

        throw new DirectoryNotFoundException($"{EnvironmentVariable} is not set and no Kubelike.sln is above {AppContext.BaseDirectory}");
    }
}
