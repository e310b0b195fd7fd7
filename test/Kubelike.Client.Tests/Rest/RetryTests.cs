using Kubelike.Api.Core.V1;
using Kubelike.Client.Configuration;
using Kubelike.Client.Rest;
using Kubelike.Client.Tests.Support;

namespace Kubelike.Client.Tests.Rest;

/// <summary>Transient failures are retried: a request made while the server restarts succeeds once it is back.</summary>
public sealed class RetryTests : ClusterFixture
{
    [Test]
    public async Task A_read_made_while_the_server_is_down_succeeds_when_it_comes_back()
    {
        var kubeconfig = KubernetesClientConfiguration.FromKubeconfig(Server.Kubeconfig);
        using var patient = new KubernetesClient(new KubernetesClientConfiguration
        {
            Server = kubeconfig.Server,
            CertificateAuthorities = kubeconfig.CertificateAuthorities,
            ClientCertificate = kubeconfig.ClientCertificate,
            Retry = new RetryPolicyOptions { MaxRetries = 60, BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1) },
        });
        using var impatient = new KubernetesClient(kubeconfig with { Retry = new RetryPolicyOptions { MaxRetries = 0 } });
        await Server.StopAsync();

        var refused = Assert.ThrowsAsync<HttpRequestException>(async () => await impatient.Resource<Namespace>().GetAsync("default", null));
        var waiting = patient.Resource<Namespace>().GetAsync("default", null);
        await Server.RestartAsync();
        var answer = await waiting.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Multiple(() =>
        {
            Assert.That(refused!.HttpRequestError, Is.EqualTo(HttpRequestError.ConnectionError));
            Assert.That(answer.Metadata?.Name, Is.EqualTo("default"));
        });
    }
}
