using YamlDotNet.Serialization;

namespace Kubelike.Client.Configuration;

/// <summary>How to authenticate: a client certificate, a bearer token or a token file.</summary>
public sealed class KubeconfigUser
{
    [YamlMember(Alias = "client-certificate")]
    public string? ClientCertificate { get; set; }

    /// <summary>Base64 of a PEM certificate (chain).</summary>
    [YamlMember(Alias = "client-certificate-data")]
    public string? ClientCertificateData { get; set; }

    [YamlMember(Alias = "client-key")]
    public string? ClientKey { get; set; }

    /// <summary>Base64 of a PEM private key (RSA or EC, PKCS#1, SEC1 or PKCS#8).</summary>
    [YamlMember(Alias = "client-key-data")]
    public string? ClientKeyData { get; set; }

    [YamlMember(Alias = "token")]
    public string? Token { get; set; }

    [YamlMember(Alias = "tokenFile")]
    public string? TokenFile { get; set; }
}
