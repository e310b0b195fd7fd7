using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Kubelike.ApiServer.Tls;
using Kubelike.Server.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kubelike.Server.Tests.ApiServer;

[TestFixture]
public sealed class ServingCertificatesTests
{
    private static readonly IPAddress BindAddress = IPAddress.Parse("10.1.2.3");

    private TempDirectory _directory = null!;

    [SetUp]
    public void SetUp() => _directory = new TempDirectory("kl-pki");

    [TearDown]
    public void TearDown() => _directory.Dispose();

    [Test]
    public void TheServingCertificateCoversLoopbackTheHostAndTheBindAddress()
    {
        using var certificates = Load([BindAddress]);

        var names = certificates.Server.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Multiple(() =>
        {
            Assert.That(names.EnumerateIPAddresses(), Is.SupersetOf(new[] { IPAddress.Loopback, IPAddress.IPv6Loopback, BindAddress }));
            Assert.That(names.EnumerateDnsNames(), Is.SupersetOf(new[] { "localhost", Dns.GetHostName(), "kubernetes.default.svc" }));
            Assert.That(certificates.Server.HasPrivateKey, Is.True);
            Assert.That(certificates.IsIssuedByAuthority(certificates.Server), Is.True);
            Assert.That(Usages(certificates.Server), Is.EqualTo(new[] { "1.3.6.1.5.5.7.3.1" }), "server authentication");
            Assert.That(certificates.Authority.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority, Is.True);
        });
    }

    [Test]
    public void TheAdminCertificateNamesTheAdminUserAndTheMastersGroup()
    {
        using var certificates = Load([]);

        Assert.Multiple(() =>
        {
            Assert.That(certificates.AdminClient.Subject, Does.Contain("CN=kubelike-admin").And.Contain("O=system:masters"));
            Assert.That(Usages(certificates.AdminClient), Is.EqualTo(new[] { "1.3.6.1.5.5.7.3.2" }), "client authentication");
            Assert.That(certificates.IsIssuedByAuthority(certificates.AdminClient), Is.True);
        });
    }

    [Test]
    public void TheFilesArePemAndTheKeysPrivate()
    {
        using var certificates = Load([]);

        foreach (var name in new[] { "ca", "server", "admin" })
        {
            Assert.That(File.ReadAllText(_directory.Combine("pki", name + ".crt")), Does.StartWith("-----BEGIN CERTIFICATE-----"));
            Assert.That(File.ReadAllText(_directory.Combine("pki", name + ".key")), Does.StartWith("-----BEGIN PRIVATE KEY-----"));
            Assert.That(File.GetUnixFileMode(_directory.Combine("pki", name + ".key")), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite), name + ".key");
        }

        Assert.That(File.GetUnixFileMode(_directory.Combine("pki")), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
    }

    [Test]
    public void ALaterStartReusesTheCertificates()
    {
        string[] first;
        using (var certificates = Load([BindAddress]))
        {
            first = [certificates.Authority.Thumbprint, certificates.Server.Thumbprint, certificates.AdminClient.Thumbprint];
        }

        using var again = Load([BindAddress]);

        Assert.That(new[] { again.Authority.Thumbprint, again.Server.Thumbprint, again.AdminClient.Thumbprint }, Is.EqualTo(first));
    }

    [Test]
    public void ANewBindAddressGetsANewServingCertificateFromTheSameAuthority()
    {
        string authority, server;
        using (var certificates = Load([]))
        {
            (authority, server) = (certificates.Authority.Thumbprint, certificates.Server.Thumbprint);
        }

        using var again = Load([BindAddress]);

        Assert.Multiple(() =>
        {
            Assert.That(again.Authority.Thumbprint, Is.EqualTo(authority));
            Assert.That(again.Server.Thumbprint, Is.Not.EqualTo(server));
            Assert.That(again.Server.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateIPAddresses(), Does.Contain(BindAddress));
        });
    }

    [Test]
    public void CertificatesNearExpiryAreReissued()
    {
        string authority, server, admin;
        using (var certificates = Load([]))
        {
            (authority, server, admin) = (certificates.Authority.Thumbprint, certificates.Server.Thumbprint, certificates.AdminClient.Thumbprint);
        }

        using var later = ServingCertificates.LoadOrCreate(_directory.Combine("pki"), [], NullLogger.Instance, new ShiftedTimeProvider(TimeSpan.FromDays(350)));

        Assert.Multiple(() =>
        {
            Assert.That(later.Authority.Thumbprint, Is.EqualTo(authority));
            Assert.That(later.Server.Thumbprint, Is.Not.EqualTo(server));
            Assert.That(later.AdminClient.Thumbprint, Is.Not.EqualTo(admin));
        });
    }

    [Test]
    public void AnUnreadableAuthorityIsNotSilentlyReplaced()
    {
        Load([]).Dispose();
        File.WriteAllText(_directory.Combine("pki", "ca.key"), "not a key");

        var error = Assert.Throws<InvalidOperationException>(() => Load([]));

        Assert.That(error.Message, Does.Contain("cannot be read"));
    }

    [Test]
    public void TheAdminKubeconfigCarriesTheServerTheCaAndTheClientCertificate()
    {
        using var certificates = Load([]);
        var path = _directory.Combine("kubeconfig");

        AdminKubeconfig.Write(path, new Uri("https://127.0.0.1:16443"), certificates);

        var text = File.ReadAllText(path);
        Assert.Multiple(() =>
        {
            Assert.That(File.GetUnixFileMode(path), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
            Assert.That(text, Does.Contain("    server: https://127.0.0.1:16443\n"));
            Assert.That(text, Does.Contain("current-context: kubelike\n"));
            Assert.That(Field(text, "certificate-authority-data"), Is.EqualTo(certificates.Authority.ExportCertificatePem().Trim()));
            Assert.That(Field(text, "client-certificate-data"), Is.EqualTo(certificates.AdminClient.ExportCertificatePem().Trim()));
            Assert.That(Field(text, "client-key-data"), Does.StartWith("-----BEGIN PRIVATE KEY-----"));
        });
        using var client = X509Certificate2.CreateFromPem(Field(text, "client-certificate-data"), Field(text, "client-key-data"));
        Assert.That(client.Thumbprint, Is.EqualTo(certificates.AdminClient.Thumbprint), "the key data matches the certificate");
    }

    private static string[] Usages(X509Certificate2 certificate) =>
        [.. certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>().Select(o => o.Value!)];

    private static string Field(string kubeconfig, string name)
    {
        var line = kubeconfig.Split('\n').Single(l => l.TrimStart().StartsWith(name + ": ", StringComparison.Ordinal));
        return Encoding.ASCII.GetString(Convert.FromBase64String(line.Split(": ")[1])).Trim();
    }

    private ServingCertificates Load(IPAddress[] extraAddresses) =>
        ServingCertificates.LoadOrCreate(_directory.Combine("pki"), extraAddresses, NullLogger.Instance);
}
