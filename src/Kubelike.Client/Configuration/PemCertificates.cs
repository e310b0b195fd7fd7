using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Kubelike.Client.Configuration;

/// <summary>PEM certificates and keys as kubeconfigs and service accounts hold them.</summary>
internal static class PemCertificates
{
    /// <summary>Every certificate in a PEM text (a CA bundle may hold several).</summary>
    public static X509Certificate2Collection ReadAll(string pem, string origin)
    {
        var collection = new X509Certificate2Collection();
        try
        {
            collection.ImportFromPem(pem);
        }
        catch (CryptographicException e)
        {
            throw new KubeconfigException($"{origin}: not a PEM certificate: {e.Message}", e);
        }

        if (collection.Count == 0)
            throw new KubeconfigException($"{origin}: no PEM certificate found");
        return collection;
    }

    /// <summary>A certificate with its private key; RSA and EC keys in PKCS#1, SEC1 or PKCS#8 form.</summary>
    public static X509Certificate2 ReadWithKey(string certificatePem, string keyPem, string origin)
    {
        try
        {
            using var ephemeral = X509Certificate2.CreateFromPem(certificatePem, keyPem);
            // SslStream on some platforms needs a key that is not ephemeral; a PKCS#12 round trip gives one everywhere.
            return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);
        }
        catch (CryptographicException e)
        {
            throw new KubeconfigException($"{origin}: client certificate and key do not load: {e.Message}", e);
        }
    }
}
