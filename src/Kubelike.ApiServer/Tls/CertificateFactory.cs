using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Kubelike.ApiServer.Tls;

/// <summary>Issues the cluster CA and the certificates it signs (ECDSA P-256, which every Kubernetes client accepts).</summary>
internal static class CertificateFactory
{
    private const string ServerAuthOid = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuthOid = "1.3.6.1.5.5.7.3.2";

    /// <summary>Backdating absorbs clock skew between this machine and its clients.</summary>
    private static readonly TimeSpan Backdate = TimeSpan.FromMinutes(5);

    public static X509Certificate2 CreateAuthority(string commonName, DateTimeOffset now, TimeSpan lifetime)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName($"CN={commonName}"), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        return request.CreateSelfSigned(now - Backdate, now + lifetime);
    }

    public static X509Certificate2 CreateServer(
        X509Certificate2 authority, string commonName, IEnumerable<string> dnsNames, IEnumerable<IPAddress> addresses, DateTimeOffset now, TimeSpan lifetime)
    {
        var names = new SubjectAlternativeNameBuilder();
        foreach (var dnsName in dnsNames)
        {
            names.AddDnsName(dnsName);
        }

        foreach (var address in addresses)
        {
            names.AddIpAddress(address);
        }

        return Issue(authority, new X500DistinguishedName($"CN={commonName}"), ServerAuthOid, names.Build(), now, lifetime);
    }

    /// <summary>A client certificate; Kubernetes reads the user from CN and the groups from O.</summary>
    public static X509Certificate2 CreateClient(
        X509Certificate2 authority, string user, IEnumerable<string> groups, DateTimeOffset now, TimeSpan lifetime)
    {
        var subject = new X500DistinguishedNameBuilder();
        foreach (var group in groups)
        {
            subject.AddOrganizationName(group);
        }

        subject.AddCommonName(user);
        return Issue(authority, subject.Build(), ClientAuthOid, subjectAlternativeNames: null, now, lifetime);
    }

    private static X509Certificate2 Issue(
        X509Certificate2 authority, X500DistinguishedName subject, string usageOid, X509Extension? subjectAlternativeNames, DateTimeOffset now, TimeSpan lifetime)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usageOid)], critical: false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        if (subjectAlternativeNames is not null)
        {
            request.CertificateExtensions.Add(subjectAlternativeNames);
        }

        // A certificate may not outlive its issuer.
        var notAfter = now + lifetime < authority.NotAfter ? now + lifetime : new DateTimeOffset(authority.NotAfter);
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var issued = request.Create(authority, now - Backdate, notAfter, serial);
        return issued.CopyWithPrivateKey(key);
    }
}
