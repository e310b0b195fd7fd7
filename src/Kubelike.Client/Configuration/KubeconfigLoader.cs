using System.Security.Cryptography.X509Certificates;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Kubelike.Client.Configuration;

/// <summary>Reads kubeconfig files and turns one context of them into a <see cref="KubernetesClientConfiguration"/>.</summary>
public static class KubeconfigLoader
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder().IgnoreUnmatchedProperties().Build();

    /// <summary>The files a kubeconfig is read from: <paramref name="path"/>, else <c>$KUBECONFIG</c>, else <c>~/.kube/config</c>.</summary>
    public static IReadOnlyList<string> Locate(string? path = null)
    {
        if (!string.IsNullOrEmpty(path))
            return [path];
        var fromEnvironment = Environment.GetEnvironmentVariable("KUBECONFIG");
        if (!string.IsNullOrEmpty(fromEnvironment))
            return fromEnvironment.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var home = Environment.GetEnvironmentVariable("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return [Path.Combine(home, ".kube", "config")];
    }

    public static KubernetesClientConfiguration Load(string? path = null, string? context = null)
    {
        var files = Locate(path).Where(f => path is not null || File.Exists(f)).ToList();
        if (files.Count == 0)
            throw new KubeconfigException($"no kubeconfig found (looked for {string.Join(", ", Locate(path))})");

        // Merged as kubectl does: the first file that defines a name wins, and the first current-context set wins.
        var documents = files.Select(f => (Directory: Path.GetDirectoryName(Path.GetFullPath(f))!, Document: Parse(ReadFile(f, "kubeconfig"), f))).ToList();
        var contextName = context ?? documents.Select(d => d.Document.CurrentContext).FirstOrDefault(c => !string.IsNullOrEmpty(c))
            ?? throw new KubeconfigException("the kubeconfig has no current-context and none was given");
        var (contextDirectory, named) = Find(documents, d => d.Contexts, c => c.Name, contextName, "context");
        var ctx = named.Context;
        if (string.IsNullOrEmpty(ctx.Cluster))
            throw new KubeconfigException($"context \"{contextName}\" names no cluster");
        var (clusterDirectory, cluster) = Find(documents, d => d.Clusters, c => c.Name, ctx.Cluster, "cluster");
        var user = new KubeconfigUser();
        var userDirectory = contextDirectory;
        if (!string.IsNullOrEmpty(ctx.User))
        {
            var (directory, namedUser) = Find(documents, d => d.Users, u => u.Name, ctx.User, "user");
            (userDirectory, user) = (directory, namedUser.User);
        }

        return Build(cluster.Cluster, clusterDirectory, user, userDirectory, string.IsNullOrEmpty(ctx.Namespace) ? "default" : ctx.Namespace);
    }

    /// <summary>Parses kubeconfig YAML; <paramref name="origin"/> names it in errors.</summary>
    public static KubeconfigDocument Parse(string yaml, string origin = "kubeconfig")
    {
        try
        {
            return Yaml.Deserialize<KubeconfigDocument?>(yaml) ?? new KubeconfigDocument();
        }
        catch (YamlException e)
        {
            throw new KubeconfigException($"{origin}: not a valid kubeconfig: {e.Message}", e);
        }
    }

    /// <summary>The configuration for a cluster and user; relative file paths are resolved against their directories.</summary>
    public static KubernetesClientConfiguration Build(KubeconfigCluster cluster, string clusterDirectory, KubeconfigUser user, string userDirectory, string ns = "default")
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(cluster.Server) || !Uri.TryCreate(cluster.Server, UriKind.Absolute, out var server))
            throw new KubeconfigException($"cluster server \"{cluster.Server}\" is not an absolute URL");

        var authorities = new X509Certificate2Collection();
        if (ReadData(cluster.CertificateAuthorityData, cluster.CertificateAuthority, clusterDirectory, "certificate-authority") is { } caPem)
            authorities = PemCertificates.ReadAll(caPem, "certificate-authority");

        X509Certificate2? clientCertificate = null;
        var certificatePem = ReadData(user.ClientCertificateData, user.ClientCertificate, userDirectory, "client-certificate");
        var keyPem = ReadData(user.ClientKeyData, user.ClientKey, userDirectory, "client-key");
        if (certificatePem is not null || keyPem is not null)
        {
            if (certificatePem is null || keyPem is null)
                throw new KubeconfigException("client-certificate and client-key must be given together");
            clientCertificate = PemCertificates.ReadWithKey(certificatePem, keyPem, "client-certificate");
        }

        TokenSource? token = null;
        if (!string.IsNullOrEmpty(user.Token))
            token = new StaticTokenSource(user.Token);
        else if (!string.IsNullOrEmpty(user.TokenFile))
        {
            var tokenFile = Resolve(user.TokenFile, userDirectory);
            _ = ReadFile(tokenFile, "tokenFile");
            token = new FileTokenSource(tokenFile);
        }

        return new KubernetesClientConfiguration
        {
            Server = server,
            CertificateAuthorities = authorities,
            ClientCertificate = clientCertificate,
            Token = token,
            InsecureSkipTlsVerify = cluster.InsecureSkipTlsVerify,
            TlsServerName = string.IsNullOrEmpty(cluster.TlsServerName) ? null : cluster.TlsServerName,
            Namespace = ns,
        };
    }

    private static (string Directory, T Item) Find<T>(
        List<(string Directory, KubeconfigDocument Document)> documents, Func<KubeconfigDocument, List<T>> list, Func<T, string> name, string wanted, string what)
    {
        foreach (var (directory, document) in documents)
        {
            foreach (var item in list(document))
            {
                if (name(item) == wanted)
                    return (directory, item);
            }
        }

        throw new KubeconfigException($"the kubeconfig has no {what} named \"{wanted}\"");
    }

    /// <summary>Inline base64 data wins over a file, as in kubectl.</summary>
    private static string? ReadData(string? base64, string? file, string directory, string field)
    {
        if (!string.IsNullOrWhiteSpace(base64))
        {
            try
            {
                return Encoding.UTF8.GetString(Convert.FromBase64String(base64.Trim()));
            }
            catch (FormatException e)
            {
                throw new KubeconfigException($"{field}-data is not base64: {e.Message}", e);
            }
        }

        if (string.IsNullOrEmpty(file))
            return null;
        return ReadFile(Resolve(file, directory), field);
    }

    private static string ReadFile(string path, string field)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KubeconfigException($"{field} {path}: {e.Message}", e);
        }
    }

    private static string Resolve(string file, string directory) => Path.IsPathRooted(file) ? file : Path.Combine(directory, file);
}
