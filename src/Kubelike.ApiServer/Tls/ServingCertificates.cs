using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace Kubelike.ApiServer.Tls;

/// <summary>
/// The cluster CA and the certificates it signs, kept as PEM files in <c>&lt;data-dir&gt;/pki/</c>:
/// ca.crt/ca.key, server.crt/server.key (serving) and admin.crt/admin.key (the admin kubeconfig's
/// client certificate), apiserver-kubelet-client.crt/.key (the API server towards node agents). Created on the first start and reused afterwards, so that kubeconfigs handed out
/// keep working; a leaf is reissued when it nears expiry or no longer covers the server's names.
/// </summary>
public sealed class ServingCertificates : IDisposable
{
    public const string AdminUser = "kubelike-admin";
    public const string AdminGroup = "system:masters";

    /// <summary>The user the API server is to node agents when it proxies logs to them.</summary>
    public const string KubeletClientUser = "kube-apiserver-kubelet-client";

    private static readonly TimeSpan AuthorityLifetime = TimeSpan.FromDays(3650);
    private static readonly TimeSpan LeafLifetime = TimeSpan.FromDays(365);

    /// <summary>Leaves with less than this left are reissued at start-up.</summary>
    private static readonly TimeSpan RenewBefore = TimeSpan.FromDays(30);

    private ServingCertificates(string directory, X509Certificate2 authority, X509Certificate2 server, X509Certificate2 adminClient, X509Certificate2 kubeletClient)
    {
        Directory = directory;
        Authority = authority;
        Server = server;
        AdminClient = adminClient;
        KubeletClient = kubeletClient;
    }

    public string Directory { get; }

    /// <summary>The cluster CA (with its key: later issues sign more certificates with it).</summary>
    public X509Certificate2 Authority { get; }

    /// <summary>The serving certificate with its key.</summary>
    public X509Certificate2 Server { get; }

    /// <summary>The admin client certificate (CN=kubelike-admin, O=system:masters) with its key.</summary>
    public X509Certificate2 AdminClient { get; }

    /// <summary>The API server's client certificate towards node agents (CN=kube-apiserver-kubelet-client, O=system:masters).</summary>
    public X509Certificate2 KubeletClient { get; }

    public string AuthorityCertificatePath => Path.Combine(Directory, "ca.crt");

    /// <summary>DNS names every serving certificate carries: loopback, this machine, and the in-cluster service names.</summary>
    public static IReadOnlyList<string> DefaultDnsNames() =>
    [
        "localhost",
        .. HostName(),
        "kubernetes",
        "kubernetes.default",
        "kubernetes.default.svc",
        "kubernetes.default.svc.cluster.local",
    ];

    /// <summary>Loads the certificates from <paramref name="directory"/>, creating whatever is missing, stale or incomplete.</summary>
    /// <param name="directory">The pki directory.</param>
    /// <param name="extraAddresses">Addresses the server certificate must also cover (e.g. a non-loopback bind address).</param>
    /// <param name="logger">Gets one line per certificate created.</param>
    /// <param name="timeProvider">The clock; the system clock when null.</param>
    public static ServingCertificates LoadOrCreate(string directory, IEnumerable<IPAddress> extraAddresses, ILogger logger, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(logger);
        var now = (timeProvider ?? TimeProvider.System).GetUtcNow();
        directory = Path.GetFullPath(directory);
        System.IO.Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var dnsNames = DefaultDnsNames();
        var addresses = new List<IPAddress> { IPAddress.Loopback, IPAddress.IPv6Loopback };
        addresses.AddRange(extraAddresses.Where(a => !a.Equals(IPAddress.Any) && !a.Equals(IPAddress.IPv6Any) && !addresses.Contains(a)));

        var authority = LoadOrCreateAuthority(directory, now, logger);
        var server = LoadOrCreateLeaf(
            directory, "server", authority, now, logger,
            isUsable: certificate => Covers(certificate, dnsNames, addresses),
            create: () => CertificateFactory.CreateServer(authority, "kubelike-apiserver", dnsNames, addresses, now, LeafLifetime),
            describe: $"serving certificate for {string.Join(", ", dnsNames.Concat(addresses.Select(a => a.ToString())))}");
        var admin = LoadOrCreateLeaf(
            directory, "admin", authority, now, logger,
            isUsable: certificate => certificate.Subject.Contains($"CN={AdminUser}", StringComparison.Ordinal),
            create: () => CertificateFactory.CreateClient(authority, AdminUser, [AdminGroup], now, LeafLifetime),
            describe: $"admin client certificate (CN={AdminUser}, O={AdminGroup})");
        var kubeletClient = LoadOrCreateLeaf(
            directory, "apiserver-kubelet-client", authority, now, logger,
            isUsable: certificate => certificate.Subject.Contains($"CN={KubeletClientUser}", StringComparison.Ordinal),
            create: () => CertificateFactory.CreateClient(authority, KubeletClientUser, [AdminGroup], now, LeafLifetime),
            describe: $"node agent client certificate (CN={KubeletClientUser})");
        return new ServingCertificates(directory, authority, server, admin, kubeletClient);
    }

    /// <summary>Whether <paramref name="certificate"/> chains to the cluster CA (used for client certificates).</summary>
    public bool IsIssuedByAuthority(X509Certificate2 certificate) => ChainsTo(certificate, Authority);

    public void Dispose()
    {
        Authority.Dispose();
        Server.Dispose();
        AdminClient.Dispose();
        KubeletClient.Dispose();
    }

    private static IEnumerable<string> HostName()
    {
        var name = Dns.GetHostName();
        return string.IsNullOrEmpty(name) || name.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? [] : [name];
    }

    private static X509Certificate2 LoadOrCreateAuthority(string directory, DateTimeOffset now, ILogger logger)
    {
        var certificatePath = Path.Combine(directory, "ca.crt");
        var keyPath = Path.Combine(directory, "ca.key");
        if (PemFiles.Exist(certificatePath, keyPath))
        {
            // Replacing a CA silently would invalidate every kubeconfig handed out: refuse instead.
            return PemFiles.TryLoad(certificatePath, keyPath)
                ?? throw new InvalidOperationException($"the cluster CA in {directory} cannot be read; remove ca.crt and ca.key to create a new one");
        }

        var authority = CertificateFactory.CreateAuthority("kubelike-ca", now, AuthorityLifetime);
        PemFiles.Write(certificatePath, keyPath, authority);
        logger.LogInformation("created the cluster CA in {Path}", certificatePath);
        return authority;
    }

    private static X509Certificate2 LoadOrCreateLeaf(
        string directory, string name, X509Certificate2 authority, DateTimeOffset now, ILogger logger,
        Func<X509Certificate2, bool> isUsable, Func<X509Certificate2> create, string describe)
    {
        var certificatePath = Path.Combine(directory, name + ".crt");
        var keyPath = Path.Combine(directory, name + ".key");
        if (PemFiles.Exist(certificatePath, keyPath) && PemFiles.TryLoad(certificatePath, keyPath) is { } existing)
        {
            if (existing.NotAfter.ToUniversalTime() - now.UtcDateTime > RenewBefore && ChainsTo(existing, authority) && isUsable(existing))
            {
                return existing;
            }

            existing.Dispose();
        }

        var created = create();
        PemFiles.Write(certificatePath, keyPath, created);
        logger.LogInformation("created the {Description} in {Path}", describe, certificatePath);
        return created;
    }

    private static bool Covers(X509Certificate2 certificate, IEnumerable<string> dnsNames, IEnumerable<IPAddress> addresses)
    {
        var extension = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault();
        if (extension is null)
        {
            return false;
        }

        var presentNames = extension.EnumerateDnsNames().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var presentAddresses = extension.EnumerateIPAddresses().ToHashSet();
        return dnsNames.All(presentNames.Contains) && addresses.All(presentAddresses.Contains);
    }

    private static bool ChainsTo(X509Certificate2 certificate, X509Certificate2 authority)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
