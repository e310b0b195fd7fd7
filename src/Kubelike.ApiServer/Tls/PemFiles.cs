using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Kubelike.ApiServer.Tls;

/// <summary>Reads and writes certificate/key pairs as PEM files.</summary>
internal static class PemFiles
{
    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PublicFile = PrivateFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    public static bool Exist(string certificatePath, string keyPath) => File.Exists(certificatePath) && File.Exists(keyPath);

    /// <summary>Loads a certificate with its private key; null when the files are unreadable or do not match.</summary>
    public static X509Certificate2? TryLoad(string certificatePath, string keyPath)
    {
        try
        {
            return X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
        }
        catch (Exception e) when (e is CryptographicException or IOException or ArgumentException)
        {
            return null;
        }
    }

    public static void Write(string certificatePath, string keyPath, X509Certificate2 certificate)
    {
        var key = (AsymmetricAlgorithm?)certificate.GetECDsaPrivateKey() ?? certificate.GetRSAPrivateKey()
            ?? throw new ArgumentException("the certificate has no private key", nameof(certificate));
        using (key)
        {
            // Key first: a certificate file without its key would be taken as complete by a later start.
            WriteAtomically(keyPath, key.ExportPkcs8PrivateKeyPem(), PrivateFile);
        }

        WriteAtomically(certificatePath, certificate.ExportCertificatePem(), PublicFile);
    }

    /// <summary>Write to a temporary file and rename, so a crash never leaves a truncated PEM behind.</summary>
    private static void WriteAtomically(string path, string content, UnixFileMode mode)
    {
        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = mode };
        using (var writer = new StreamWriter(temporary, options))
        {
            writer.Write(content);
            writer.WriteLine();
        }

        File.SetUnixFileMode(temporary, mode);
        File.Move(temporary, path, overwrite: true);
    }
}
