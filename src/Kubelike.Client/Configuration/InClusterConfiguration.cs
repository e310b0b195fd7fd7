namespace Kubelike.Client.Configuration;

/// <summary>
/// The configuration of a client running in a pod: <c>KUBERNETES_SERVICE_HOST</c>/<c>PORT</c>, and the service
/// account's <c>token</c> (read again as it rotates), <c>ca.crt</c> and <c>namespace</c>.
/// </summary>
public static class InClusterConfiguration
{
    public const string ServiceAccountDirectory = "/var/run/secrets/kubernetes.io/serviceaccount";

    public static bool IsInCluster(Func<string, string?>? environment = null, string directory = ServiceAccountDirectory)
    {
        environment ??= Environment.GetEnvironmentVariable;
        return !string.IsNullOrEmpty(environment("KUBERNETES_SERVICE_HOST"))
            && !string.IsNullOrEmpty(environment("KUBERNETES_SERVICE_PORT"))
            && File.Exists(Path.Combine(directory, "token"));
    }

    /// <param name="environment">Reads environment variables (the process environment by default).</param>
    /// <param name="directory">Where the service account's files are mounted.</param>
    /// <param name="time">The clock for re-reading the token.</param>
    public static KubernetesClientConfiguration Load(
        Func<string, string?>? environment = null, string directory = ServiceAccountDirectory, TimeProvider? time = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var host = environment("KUBERNETES_SERVICE_HOST");
        var port = environment("KUBERNETES_SERVICE_PORT");
        if (string.IsNullOrEmpty(host) || string.IsNullOrEmpty(port))
            throw new KubeconfigException("not in a cluster: KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must be set");
        var tokenPath = Path.Combine(directory, "token");
        if (!File.Exists(tokenPath))
            throw new KubeconfigException($"not in a cluster: {tokenPath} does not exist");

        // An IPv6 service address needs brackets in a URL.
        var authority = host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[') ? $"[{host}]" : host;
        var caPath = Path.Combine(directory, "ca.crt");
        var namespacePath = Path.Combine(directory, "namespace");
        return new KubernetesClientConfiguration
        {
            Server = new Uri($"https://{authority}:{port}/"),
            CertificateAuthorities = File.Exists(caPath) ? PemCertificates.ReadAll(File.ReadAllText(caPath), caPath) : [],
            Token = new FileTokenSource(tokenPath, time: time),
            Namespace = File.Exists(namespacePath) && File.ReadAllText(namespacePath).Trim() is { Length: > 0 } ns ? ns : "default",
        };
    }
}
