using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Kubelike.Server.Tests.TestSupport;

/// <summary>An HTTPS client that trusts exactly the server's cluster CA, read from <c>pki/ca.crt</c> when a connection is made.</summary>
internal static class ClusterHttpClient
{
    public static HttpClient Create(string caCertificatePath, Uri baseAddress, X509Certificate2? clientCertificate = null)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero };
        if (clientCertificate is not null)
        {
            handler.SslOptions.ClientCertificates = [clientCertificate];
        }

        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
        {
            // Only the chain may fail the system's checks (our CA is not in the system store); the name must match.
            if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None || !File.Exists(caCertificatePath))
            {
                return false;
            }

            using var authority = X509Certificate2.CreateFromPem(File.ReadAllText(caCertificatePath));
            using var server = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(authority);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(server);
        };
        return new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
    }
}
