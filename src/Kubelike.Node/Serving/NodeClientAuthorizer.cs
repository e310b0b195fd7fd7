using System.Security.Cryptography.X509Certificates;

namespace Kubelike.Node.Serving;

/// <summary>
/// Who may use the node agent's endpoints: a client certificate issued by the cluster CA to the API server's
/// kubelet client (<c>kube-apiserver-kubelet-client</c>) or to a member of <c>system:masters</c>. Everyone else is
/// refused during the TLS handshake, so an unauthenticated caller never reaches a handler.
/// </summary>
internal sealed class NodeClientAuthorizer(X509Certificate2Collection authorities)
{
    public const string ApiServerClientUser = "kube-apiserver-kubelet-client";

    public bool IsAllowed(X509Certificate2 certificate) => authorities.Count > 0 && ChainsToAuthority(certificate) && IsPrivileged(certificate);

    private bool ChainsToAuthority(X509Certificate2 certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    private static bool IsPrivileged(X509Certificate2 certificate)
    {
        var subject = certificate.SubjectName;
        var user = subject.EnumerateRelativeDistinguishedNames().Where(n => n.GetSingleElementType().Value == "2.5.4.3").Select(n => n.GetSingleElementValue()).FirstOrDefault();
        var groups = subject.EnumerateRelativeDistinguishedNames().Where(n => n.GetSingleElementType().Value == "2.5.4.10").Select(n => n.GetSingleElementValue());
        return user == ApiServerClientUser || groups.Contains("system:masters");
    }
}
