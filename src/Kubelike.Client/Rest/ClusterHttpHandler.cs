using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Kubelike.Client.Configuration;

namespace Kubelike.Client.Rest;

/// <summary>
/// The HTTP handler for one cluster: TLS that trusts exactly the configured CAs (or the system store when none is
/// given), the client certificate, HTTP/2 keep-alive pings so that a dead connection under a long watch is noticed.
/// </summary>
internal static class ClusterHttpHandler
{
    public static SocketsHttpHandler Create(KubernetesClientConfiguration configuration)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(30),
            KeepAlivePingDelay = TimeSpan.FromSeconds(30),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(15),
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always,
            // Many watches share one client; more streams than one connection allows open another connection.
            EnableMultipleHttp2Connections = true,
            AutomaticDecompression = DecompressionMethods.GZip,
        };
        if (configuration.ClientCertificate is { } certificate)
            handler.SslOptions.ClientCertificates = [certificate];
        if (configuration.TlsServerName is { } serverName)
            handler.SslOptions.TargetHost = serverName;
        handler.SslOptions.RemoteCertificateValidationCallback = Validator(configuration);
        return handler;
    }

    private static RemoteCertificateValidationCallback Validator(KubernetesClientConfiguration configuration)
    {
        if (configuration.InsecureSkipTlsVerify)
        {
#pragma warning disable CA5359 // insecure-skip-tls-verify is the user's explicit choice, as in kubectl.
            return (_, _, _, _) => true;
#pragma warning restore CA5359
        }

        var authorities = configuration.CertificateAuthorities;
        if (authorities.Count == 0)
            return (_, _, _, errors) => errors == SslPolicyErrors.None;
        return (_, certificate, _, errors) =>
        {
            // The chain is checked against the cluster's CAs alone; the name must match as usual.
            if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
                return false;
            using var server = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(server);
        };
    }
}
