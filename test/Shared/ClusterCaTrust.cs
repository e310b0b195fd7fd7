using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Kubelike.Testing;

/// <summary>
/// Server certificate validation that trusts exactly a Kubelike cluster CA (<c>pki/ca.crt</c>), read when a
/// connection is made so that a server which creates its CA later is still trusted.
/// </summary>
internal static class ClusterCaTrust
{
    public static RemoteCertificateValidationCallback Validator(string caCertificatePath) => (_, certificate, _, errors) =>
    {
        // Only the chain may fail the system's checks (the cluster CA is not in the system store); the name must match.
        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None || !File.Exists(caCertificatePath))
            return false;
        using var authority = X509Certificate2.CreateFromPem(File.ReadAllText(caCertificatePath));
        using var server = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(server);
    };
}
