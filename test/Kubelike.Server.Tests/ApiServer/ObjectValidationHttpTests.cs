using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Kubelike.Server.Tests.TestSupport;
using Kubelike.Testing;

namespace Kubelike.Server.Tests.ApiServer;

/// <summary>Per-kind validation seen over HTTP: a bad create or update is a 422 Invalid Status whose causes name the fields.</summary>
[TestFixture]
public sealed class ObjectValidationHttpTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private TempDirectory _directory = null!;
    private KubelikeProcess _server = null!;
    private HttpClient? _client;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        _directory = new TempDirectory("kl-validation");
        var dataDirectory = _directory.Combine("data");
        var port = NetworkPorts.FindFree();
        _server = KubelikeProcess.Start("server", "--data-dir", dataDirectory, "--secure-port", port.ToString(CultureInfo.InvariantCulture), "--no-node");
        var pki = Path.Combine(dataDirectory, "pki");
        await Poll.UntilAsync(
            async () =>
            {
                Assert.That(_server.HasExited, Is.False, () => _server.Output);
                // The server writes its CA and the admin credentials while it starts.
                if (_client is null && File.Exists(Path.Combine(pki, "admin.key")))
                {
                    var admin = X509Certificate2.CreateFromPemFile(Path.Combine(pki, "admin.crt"), Path.Combine(pki, "admin.key"));
                    _client = ClusterHttpClient.Create(Path.Combine(pki, "ca.crt"), new Uri($"https://127.0.0.1:{port}"), admin);
                }
                if (_client is null)
                {
                    return false;
                }
                try
                {
                    using var response = await _client.GetAsync(new Uri("/api/v1/namespaces/default", UriKind.Relative));
                    return response.StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            StartTimeout,
            "the default namespace to be served",
            () => _server.Output);
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        _client?.Dispose();
        if (_server is not null)
        {
            await _server.SignalAsync("INT");
            await _server.WaitForExitAsync(TimeSpan.FromSeconds(60));
            await _server.DisposeAsync();
        }
        Postmaster.StopIfRunning(_directory.Combine("data", "postgres"));
        _directory.Dispose();
    }

    [Test]
    public async Task ADeploymentWhoseSelectorDoesNotMatchItsTemplateIsInvalid()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/apis/apps/v1/namespaces/default/deployments", """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"mismatch"},
             "spec":{"selector":{"matchLabels":{"app":"a"}},"template":{"metadata":{"labels":{"app":"b"}},"spec":{"containers":[{"name":"c","image":"nginx"}]}}}}
            """);

        Assert.That(status, Is.EqualTo(HttpStatusCode.UnprocessableEntity), () => body.ToJsonString());
        Assert.Multiple(() =>
        {
            Assert.That((string?)body["kind"], Is.EqualTo("Status"));
            Assert.That((string?)body["reason"], Is.EqualTo("Invalid"));
            Assert.That((int?)body["code"], Is.EqualTo(422));
            Assert.That((string?)body["message"], Is.EqualTo(
                "Deployment.apps \"mismatch\" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"b\"}: `selector` does not match template `labels`"));
            Assert.That((string?)body["details"]?["kind"], Is.EqualTo("Deployment"));
            Assert.That((string?)body["details"]?["group"], Is.EqualTo("apps"));
            Assert.That((string?)body["details"]?["causes"]?[0]?["field"], Is.EqualTo("spec.template.metadata.labels"));
            Assert.That((string?)body["details"]?["causes"]?[0]?["reason"], Is.EqualTo("FieldValueInvalid"));
        });
        var (getStatus, _) = await SendAsync(HttpMethod.Get, "/apis/apps/v1/namespaces/default/deployments/mismatch");
        Assert.That(getStatus, Is.EqualTo(HttpStatusCode.NotFound), "nothing was stored");
    }

    [Test]
    public async Task APodWithoutAnImageListsEveryCause()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/pods", """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"noimage"},"spec":{"restartPolicy":"Sometimes","containers":[{"name":"c"}]}}
            """);

        Assert.That(status, Is.EqualTo(HttpStatusCode.UnprocessableEntity), () => body.ToJsonString());
        var causes = body["details"]?["causes"]?.AsArray().Select(c => ((string?)c?["field"], (string?)c?["reason"])).ToList();
        Assert.That(causes, Is.EqualTo(new[]
        {
            ("spec.containers[0].image", "FieldValueRequired"),
            ("spec.restartPolicy", "FieldValueNotSupported"),
        }));
        Assert.That((string?)body["message"], Does.StartWith("Pod \"noimage\" is invalid: [spec.containers[0].image: Required value, spec.restartPolicy: Unsupported value: \"Sometimes\""));
    }

    [Test]
    public async Task ChangingTheClusterIPOfAServiceIsInvalid()
    {
        var (created, createdBody) = await SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/services", """
            {"apiVersion":"v1","kind":"Service","metadata":{"name":"fixed-ip"},"spec":{"clusterIP":"10.96.100.10","ports":[{"port":80}]}}
            """);
        Assert.That(created, Is.EqualTo(HttpStatusCode.Created), () => createdBody.ToJsonString());

        var changed = createdBody.DeepClone().AsObject();
        changed["spec"]!["clusterIP"] = "10.96.100.11";
        changed["spec"]!.AsObject().Remove("clusterIPs");
        var (status, body) = await SendAsync(HttpMethod.Put, "/api/v1/namespaces/default/services/fixed-ip", changed.ToJsonString());

        Assert.That(status, Is.EqualTo(HttpStatusCode.UnprocessableEntity), () => body.ToJsonString());
        Assert.That((string?)body["details"]?["causes"]?[0]?["field"], Is.EqualTo("spec.clusterIPs[0]"));
        Assert.That((string?)body["message"], Is.EqualTo("Service \"fixed-ip\" is invalid: spec.clusterIPs[0]: Invalid value: []string{\"10.96.100.11\"}: may not change once set"));

        var ports = createdBody.DeepClone().AsObject();
        ports["spec"]!["ports"]![0]!["port"] = 8080;
        ports["spec"]!["ports"]![0]!.AsObject().Remove("targetPort");
        var (updated, updatedBody) = await SendAsync(HttpMethod.Put, "/api/v1/namespaces/default/services/fixed-ip", ports.ToJsonString());
        Assert.That(updated, Is.EqualTo(HttpStatusCode.OK), () => updatedBody.ToJsonString());
    }

    [Test]
    public async Task AMergePatchThatBreaksAJobTemplateIsInvalid()
    {
        var (created, createdBody) = await SendAsync(HttpMethod.Post, "/apis/batch/v1/namespaces/default/jobs", """
            {"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"once"},"spec":{"template":{"spec":{"restartPolicy":"Never","containers":[{"name":"c","image":"busybox"}]}}}}
            """);
        Assert.That(created, Is.EqualTo(HttpStatusCode.Created), () => createdBody.ToJsonString());

        var (status, body) = await SendAsync(HttpMethod.Patch, "/apis/batch/v1/namespaces/default/jobs/once",
            """{"spec":{"template":{"spec":{"containers":[{"name":"c","image":"busybox:2"}]}}}}""", "application/merge-patch+json");

        Assert.That(status, Is.EqualTo(HttpStatusCode.UnprocessableEntity), () => body.ToJsonString());
        Assert.That((string?)body["details"]?["causes"]?[0]?["field"], Is.EqualTo("spec.template"));
        Assert.That((string?)body["details"]?["causes"]?[0]?["message"], Does.StartWith("Invalid value: ").And.EndWith(": field is immutable"));
    }

    private async Task<(HttpStatusCode Status, JsonNode Body)> SendAsync(HttpMethod method, string path, string? json = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }
        using var response = await _client!.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonNode.Parse(text) ?? new JsonObject());
    }
}
