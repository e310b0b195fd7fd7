using System.Security.Cryptography.X509Certificates;
using Kubelike.Testing;

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

        handler.SslOptions.RemoteCertificateValidationCallback = ClusterCaTrust.Validator(caCertificatePath);
        return new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
    }
}
