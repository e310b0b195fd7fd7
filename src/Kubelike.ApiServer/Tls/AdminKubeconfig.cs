using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Kubelike.ApiServer.Tls;

/// <summary>Writes the kubeconfig an administrator (or a test) uses to reach the server with the admin certificate.</summary>
public static class AdminKubeconfig
{
    public const string ClusterName = "kubelike";

    /// <summary>Writes <paramref name="path"/> (mode 0600: it holds a private key), replacing any earlier one.</summary>
    public static void Write(string path, Uri server, ServingCertificates certificates)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(certificates);
        var content = Render(server, certificates);
        var temporary = path + ".tmp";
        var options = new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        };
        using (var writer = new StreamWriter(temporary, options))
        {
            writer.Write(content);
        }

        File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temporary, path, overwrite: true);
    }

    public static string Render(Uri server, ServingCertificates certificates)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(certificates);
        using var adminKey = certificates.AdminClient.GetECDsaPrivateKey()
            ?? throw new InvalidOperationException("the admin client certificate has no ECDSA private key");
        var user = ServingCertificates.AdminUser;

        // Plain YAML by hand: the values are base64 and fixed names, nothing needs quoting.
        return new StringBuilder()
            .Append("apiVersion: v1\n")
            .Append("kind: Config\n")
            .Append("clusters:\n")
            .Append("- name: ").Append(ClusterName).Append('\n')
            .Append("  cluster:\n")
            .Append("    server: ").Append(server.GetLeftPart(UriPartial.Authority)).Append('\n')
            .Append("    certificate-authority-data: ").Append(Base64(certificates.Authority.ExportCertificatePem())).Append('\n')
            .Append("users:\n")
            .Append("- name: ").Append(user).Append('\n')
            .Append("  user:\n")
            .Append("    client-certificate-data: ").Append(Base64(certificates.AdminClient.ExportCertificatePem())).Append('\n')
            .Append("    client-key-data: ").Append(Base64(adminKey.ExportPkcs8PrivateKeyPem())).Append('\n')
            .Append("contexts:\n")
            .Append("- name: ").Append(ClusterName).Append('\n')
            .Append("  context:\n")
            .Append("    cluster: ").Append(ClusterName).Append('\n')
            .Append("    user: ").Append(user).Append('\n')
            .Append("current-context: ").Append(ClusterName).Append('\n')
            .Append("preferences: {}\n")
            .ToString();
    }

    private static string Base64(string pem) => Convert.ToBase64String(Encoding.ASCII.GetBytes(pem + "\n"));
}
