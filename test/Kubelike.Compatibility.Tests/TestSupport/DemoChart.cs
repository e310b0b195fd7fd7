namespace Kubelike.Compatibility.Tests.TestSupport;

/// <summary>
/// The demo chart kept in <c>charts/demo-app</c> (copied next to the tests by the project file): a Deployment, a
/// Service, a ConfigMap, a Secret and an Ingress, all named after the release.
/// </summary>
public static class DemoChart
{
    public const string Name = "demo-app";

    public const string Version = "0.1.0";

    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "charts", Name);

    /// <summary>The prefix of the chart's object names for <paramref name="release"/> (a release named like the chart uses its own name).</summary>
    public static string FullName(string release) => release.Contains(Name, StringComparison.Ordinal) ? release : $"{release}-{Name}";

    /// <summary>The API paths of the five objects the chart makes in <paramref name="ns"/>, by kind.</summary>
    public static IReadOnlyDictionary<string, string> ObjectPaths(string ns, string release)
    {
        var name = FullName(release);
        return new Dictionary<string, string>
        {
            ["Deployment"] = $"/apis/apps/v1/namespaces/{ns}/deployments/{name}",
            ["Service"] = $"/api/v1/namespaces/{ns}/services/{name}",
            ["ConfigMap"] = $"/api/v1/namespaces/{ns}/configmaps/{name}-settings",
            ["Secret"] = $"/api/v1/namespaces/{ns}/secrets/{name}-credentials",
            ["Ingress"] = $"/apis/networking.k8s.io/v1/namespaces/{ns}/ingresses/{name}",
        };
    }
}
