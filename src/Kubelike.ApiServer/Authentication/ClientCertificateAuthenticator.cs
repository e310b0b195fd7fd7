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
    public UserInfo? Authenticate(HttpContext context)
    {
        var certificate = context.Connection.ClientCertificate;
        if (certificate is null)
            return null;
        if (!certificates.IsIssuedByAuthority(certificate))
            throw new AuthenticationFailedException("client certificate is not signed by the cluster CA");
        var now = DateTime.UtcNow;
        if (now < certificate.NotBefore.ToUniversalTime() || now > certificate.NotAfter.ToUniversalTime())
            throw new AuthenticationFailedException("client certificate has expired or is not yet valid");

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
