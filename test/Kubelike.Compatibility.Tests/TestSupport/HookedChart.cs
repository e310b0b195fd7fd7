namespace Kubelike.Compatibility.Tests.TestSupport;

/// <summary>
/// The chart kept in <c>charts/hooked-app</c> (copied next to the tests by the project file): a Deployment, a
/// Service and a ConfigMap named <c>&lt;release&gt;-hooked-app</c>, and a post-install Job hook <c>…-setup</c>.
/// </summary>
public static class HookedChart
{
    public const string Name = "hooked-app";

    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "charts", Name);

    public static string FullName(string release) => $"{release}-{Name}";

    public static string DeploymentPath(string ns, string release) => $"/apis/apps/v1/namespaces/{ns}/deployments/{FullName(release)}";

    public static string ServicePath(string ns, string release) => $"/api/v1/namespaces/{ns}/services/{FullName(release)}";

    public static string ConfigMapPath(string ns, string release) => $"/api/v1/namespaces/{ns}/configmaps/{FullName(release)}-settings";

    public static string HookJobPath(string ns, string release) => $"/apis/batch/v1/namespaces/{ns}/jobs/{FullName(release)}-setup";
}
