using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;

namespace Kubelike.Compatibility.Tests.TestSupport;

/// <summary>
/// Kubeconfigs of users other than the admin: a client certificate the test signs with the cluster CA in the
/// server's data directory (CN user, O groups, as any cluster admin would issue one), or a bearer token.
/// Both copy the admin kubeconfig's cluster and swap its credentials.
/// </summary>
public static partial class UserKubeconfigs
{
    /// <summary>Writes a kubeconfig for <paramref name="user"/> with a fresh certificate and returns its path.</summary>
    public static string WithCertificate(KubelikeServer server, string directory, string user, params string[] groups)
    {
        using var authority = X509Certificate2.CreateFromPemFile(server.CaCertificatePath, Path.Combine(server.DataDirectory, "pki", "ca.key"));
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subject = new X500DistinguishedNameBuilder();
        foreach (var group in groups)
            subject.AddOrganizationName(group);
        subject.AddCommonName(user);
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.Create(authority, now.AddMinutes(-5), now.AddDays(1), RandomNumberGenerator.GetBytes(16));
        var credentials =
            $"    client-certificate-data: {Base64(certificate.ExportCertificatePem())}\n" +
            $"    client-key-data: {Base64(key.ExportPkcs8PrivateKeyPem())}\n";
        return Write(server, directory, user, credentials);
    }

    /// <summary>Writes a kubeconfig presenting <paramref name="token"/> and returns its path.</summary>
    public static string WithToken(KubelikeServer server, string directory, string name, string token) =>
        Write(server, directory, name, $"    token: {token}\n");

    private static string Write(KubelikeServer server, string directory, string name, string credentials)
    {
        var admin = File.ReadAllText(server.Kubeconfig);
        var replaced = ClientCredentials().Replace(admin, credentials.Replace("$", "$$", StringComparison.Ordinal), 1);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"kubeconfig-{name.Replace(':', '_')}");
        File.WriteAllText(path, replaced);
        return path;
    }

    private static string Base64(string pem) => Convert.ToBase64String(Encoding.ASCII.GetBytes(pem + "\n"));

    [GeneratedRegex(@"    client-certificate-data: .*\n    client-key-data: .*\n")]
    private static partial Regex ClientCredentials();
}
