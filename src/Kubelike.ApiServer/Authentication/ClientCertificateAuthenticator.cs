using System.Runtime.CompilerServices;
using System.Security.Cryptography.X509Certificates;
using Kubelike.ApiServer.Tls;
using Microsoft.AspNetCore.Http;

namespace Kubelike.ApiServer.Authentication;

/// <summary>
/// x509 client certificates issued by the cluster CA: the subject CN is the user name and each O a group,
/// as kube-apiserver reads them. The TLS handshake accepts any certificate so that a bad one is answered 401 here.
/// </summary>
public sealed class ClientCertificateAuthenticator(ServingCertificates certificates) : IAuthenticator
{
    /// <summary>
    /// The user of each connection's certificate: building the chain reads the system's certificate stores and
    /// cost more than the rest of a create, and every request of an HTTP/2 connection carries the same certificate.
    /// Weak keys: an entry goes with its connection.
    /// </summary>
    private readonly ConditionalWeakTable<X509Certificate2, UserInfo> _verified = [];

    public UserInfo? Authenticate(HttpContext context)
    {
        var certificate = context.Connection.ClientCertificate;
        if (certificate is null)
            return null;
        var now = DateTime.UtcNow;
        if (now < certificate.NotBefore.ToUniversalTime() || now > certificate.NotAfter.ToUniversalTime())
            throw new AuthenticationFailedException("client certificate has expired or is not yet valid");
        if (_verified.TryGetValue(certificate, out var user))
            return user;
        user = Verify(certificate);
        _verified.AddOrUpdate(certificate, user);
        return user;
    }

    private UserInfo Verify(X509Certificate2 certificate)
    {
        if (!certificates.IsIssuedByAuthority(certificate))
            throw new AuthenticationFailedException("client certificate is not signed by the cluster CA");

        var name = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        if (string.IsNullOrEmpty(name))
            throw new AuthenticationFailedException("client certificate has no common name");
        var groups = certificate.SubjectName.EnumerateRelativeDistinguishedNames()
            .Where(rdn => rdn.GetSingleElementType().Value == "2.5.4.10") // O
            .Select(rdn => rdn.GetSingleElementValue() ?? "")
            .Where(group => group.Length > 0)
            .ToList();
        return new UserInfo(name, "", groups);
    }
}
