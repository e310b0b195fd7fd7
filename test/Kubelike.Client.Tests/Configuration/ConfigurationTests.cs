using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Kubelike.Api.Core.V1;
using Kubelike.Client.Configuration;
using Kubelike.Client.Rest;
using Kubelike.Client.Tests.Support;

namespace Kubelike.Client.Tests.Configuration;

/// <summary>Kubeconfig and in-cluster configuration, against a server that also accepts static tokens.</summary>
public sealed class ConfigurationTests : ClusterFixture
{
    private const string FirstToken = "first-token-0123456789";
    private const string RotatedToken = "rotated-token-9876543210";
    private readonly TempDirectory _files = new("kl-cfg");

    protected override IReadOnlyList<string> ServerArguments => ["--token-auth-file", _files.Combine("tokens.csv")];

    protected override Task BeforeServerStartAsync() => File.WriteAllTextAsync(
        _files.Combine("tokens.csv"),
        $"{FirstToken},alice,uid-alice,\"system:masters\"\n{RotatedToken},alice,uid-alice,\"system:masters\"\n");

    protected override Task AfterServerStopAsync()
    {
        _files.Dispose();
        return Task.CompletedTask;
    }

    [Test]
    public async Task The_kubeconfig_the_server_writes_reaches_it_with_the_admin_certificate()
    {
        var configuration = KubernetesClientConfiguration.FromKubeconfig(Server.Kubeconfig);

        using var client = new KubernetesClient(configuration);
        var version = await client.GetStringAsync("/version");

        Assert.Multiple(() =>
        {
            Assert.That(configuration.Server, Is.EqualTo(Server.BaseUrl));
            Assert.That(configuration.CertificateAuthorities, Has.Count.EqualTo(1));
            Assert.That(configuration.ClientCertificate?.HasPrivateKey, Is.True);
            Assert.That(configuration.Namespace, Is.EqualTo("default"));
            Assert.That(version, Does.Contain("gitVersion"));
        });
    }

    [Test]
    public async Task The_KUBECONFIG_variable_is_used_when_no_path_is_given()
    {
        var previous = Environment.GetEnvironmentVariable("KUBECONFIG");
        Environment.SetEnvironmentVariable("KUBECONFIG", $"{_files.Combine("missing")}:{Server.Kubeconfig}");
        try
        {
            using var client = new KubernetesClient(KubernetesClientConfiguration.FromKubeconfig());
            var namespaces = await client.Resource<Namespace>().ListAsync();
            Assert.That(namespaces.Items.Select(n => n.Metadata?.Name), Does.Contain("kube-system"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("KUBECONFIG", previous);
        }
    }

    [Test]
    public async Task A_server_certificate_from_another_CA_is_refused()
    {
        using var otherCa = CreateCertificate(ECDsa.Create(), "other-ca");
        var configuration = KubernetesClientConfiguration.FromKubeconfig(Server.Kubeconfig);
        using var client = new KubernetesClient(new KubernetesClientConfiguration
        {
            Server = configuration.Server,
            CertificateAuthorities = [X509CertificateLoader.LoadCertificate(otherCa.RawData)],
            ClientCertificate = configuration.ClientCertificate,
            Retry = new RetryPolicyOptions { MaxRetries = 0 },
        });

        Assert.That(async () => await client.GetStringAsync("/version"), Throws.InstanceOf<HttpRequestException>());
    }

    [Test]
    public async Task A_token_from_a_token_file_and_insecure_skip_tls_verify_authenticate()
    {
        await File.WriteAllTextAsync(_files.Combine("token"), FirstToken + "\n");
        var kubeconfig = _files.Combine("token.kubeconfig");
        await File.WriteAllTextAsync(kubeconfig, $"""
            apiVersion: v1
            kind: Config
            current-context: alice@kubelike
            clusters:
            - name: kubelike
              cluster:
                server: {Server.BaseUrl}
                insecure-skip-tls-verify: true
            users:
            - name: alice
              user:
                tokenFile: token
            contexts:
            - name: alice@kubelike
              context:
                cluster: kubelike
                user: alice
                namespace: kube-public
            """);

        var configuration = KubernetesClientConfiguration.FromKubeconfig(kubeconfig);
        using var client = new KubernetesClient(configuration);
        var configMaps = await client.Resource<ConfigMap>().ListAsync(configuration.Namespace);

        Assert.Multiple(() =>
        {
            Assert.That(configuration.Namespace, Is.EqualTo("kube-public"));
            Assert.That(configuration.ClientCertificate, Is.Null);
            Assert.That(configMaps.ResourceVersion, Is.Not.Empty);
        });
    }

    [Test]
    public async Task A_wrong_token_is_a_401_Status()
    {
        using var client = new KubernetesClient(new KubernetesClientConfiguration
        {
            Server = Server.BaseUrl,
            CertificateAuthorities = KubernetesClientConfiguration.FromKubeconfig(Server.Kubeconfig).CertificateAuthorities,
            Token = new StaticTokenSource("not-a-token"),
        });

        var error = Assert.ThrowsAsync<KubernetesApiException>(async () => await client.Resource<Namespace>().ListAsync());
        Assert.Multiple(() =>
        {
            Assert.That(error!.IsUnauthorized, Is.True);
            Assert.That(error.Code, Is.EqualTo(401));
        });
    }

    [Test]
    public async Task In_cluster_configuration_reads_the_service_account_and_picks_up_a_rotated_token()
    {
        var serviceAccount = Directory.CreateDirectory(_files.Combine("serviceaccount")).FullName;
        await File.WriteAllTextAsync(Path.Combine(serviceAccount, "token"), FirstToken);
        File.Copy(Server.CaCertificatePath, Path.Combine(serviceAccount, "ca.crt"), overwrite: true);
        await File.WriteAllTextAsync(Path.Combine(serviceAccount, "namespace"), "kube-system\n");
        var environment = new Dictionary<string, string>
        {
            ["KUBERNETES_SERVICE_HOST"] = "127.0.0.1",
            ["KUBERNETES_SERVICE_PORT"] = Server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var clock = new ManualTimeProvider();

        var configuration = InClusterConfiguration.Load(environment.GetValueOrDefault, serviceAccount, clock);
        using var client = new KubernetesClient(configuration);
        await client.Resource<ConfigMap>().ListAsync(configuration.Namespace);
        // The kubelet rewrites the file; the old token stays in use until the refresh period has passed.
        await File.WriteAllTextAsync(Path.Combine(serviceAccount, "token"), RotatedToken);
        var beforeRefresh = configuration.Token!.GetToken();
        clock.Advance(FileTokenSource.DefaultRefreshPeriod);
        await client.Resource<ConfigMap>().ListAsync(configuration.Namespace);

        Assert.Multiple(() =>
        {
            Assert.That(InClusterConfiguration.IsInCluster(environment.GetValueOrDefault, serviceAccount), Is.True);
            Assert.That(configuration.Namespace, Is.EqualTo("kube-system"));
            Assert.That(configuration.Server, Is.EqualTo(Server.BaseUrl));
            Assert.That(beforeRefresh, Is.EqualTo(FirstToken));
            Assert.That(configuration.Token.GetToken(), Is.EqualTo(RotatedToken));
        });
    }

    [TestCase("rsa")]
    [TestCase("ec")]
    public void Inline_client_certificates_load_with_RSA_and_EC_keys(string algorithm)
    {
        using AsymmetricAlgorithm key = algorithm == "rsa" ? RSA.Create(2048) : ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = CreateCertificate(key, "client");
        var keyPem = key switch
        {
            RSA rsa => rsa.ExportRSAPrivateKeyPem(),
            ECDsa ec => ec.ExportECPrivateKeyPem(),
            _ => throw new AssertionException("unexpected key"),
        };
        var user = new KubeconfigUser
        {
            ClientCertificateData = Convert.ToBase64String(Encoding.ASCII.GetBytes(certificate.ExportCertificatePem())),
            ClientKeyData = Convert.ToBase64String(Encoding.ASCII.GetBytes(keyPem)),
            Token = "also-a-token",
        };
        var cluster = new KubeconfigCluster
        {
            Server = "https://example.invalid:6443",
            CertificateAuthorityData = Convert.ToBase64String(Encoding.ASCII.GetBytes(certificate.ExportCertificatePem())),
            TlsServerName = "kubernetes",
        };

        var configuration = KubeconfigLoader.Build(cluster, "/", user, "/");

        Assert.Multiple(() =>
        {
            Assert.That(configuration.ClientCertificate?.HasPrivateKey, Is.True);
            Assert.That(configuration.ClientCertificate?.Subject, Is.EqualTo("CN=client"));
            Assert.That(configuration.CertificateAuthorities, Has.Count.EqualTo(1));
            Assert.That(configuration.TlsServerName, Is.EqualTo("kubernetes"));
            Assert.That(configuration.Token?.GetToken(), Is.EqualTo("also-a-token"));
        });
    }

    [Test]
    public void A_context_that_does_not_exist_is_a_clear_error()
    {
        var error = Assert.Throws<KubeconfigException>(() => KubernetesClientConfiguration.FromKubeconfig(Server.Kubeconfig, "nope"));
        Assert.That(error!.Message, Does.Contain("no context named \"nope\""));
    }

    [Test]
    public void A_missing_token_file_is_a_clear_error()
    {
        var user = new KubeconfigUser { TokenFile = "no-such-token" };
        var cluster = new KubeconfigCluster { Server = Server.BaseUrl.ToString() };

        var error = Assert.Throws<KubeconfigException>(() => KubeconfigLoader.Build(cluster, _files.Path, user, _files.Path));

        Assert.That(error!.Message, Does.Contain(_files.Combine("no-such-token")));
    }

    private static X509Certificate2 CreateCertificate(AsymmetricAlgorithm key, string commonName)
    {
        var request = key switch
        {
            RSA rsa => new CertificateRequest($"CN={commonName}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
            ECDsa ec => new CertificateRequest($"CN={commonName}", ec, HashAlgorithmName.SHA256),
            _ => throw new ArgumentException("unexpected key", nameof(key)),
        };
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }
}
