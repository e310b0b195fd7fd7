using System.Net;
using Kubelike.ApiServer.Health;
using Kubelike.Server.Tests.TestSupport;
using Kubelike.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kubelike.Server.Tests.ApiServer;

[TestFixture]
public sealed class HealthEndpointsTests
{
    private static readonly Func<CancellationToken, Task<StoreRevisions>> Healthy = _ => Task.FromResult(new StoreRevisions(42, 7));

    [TestCase("/healthz")]
    [TestCase("/livez")]
    [TestCase("/readyz")]
    public async Task AHealthyServerAnswersOk(string path)
    {
        await using var server = await StartAsync(Healthy);

        var (status, body) = await server.GetAsync(path);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body, Is.EqualTo("ok"));
    }

    [Test]
    public async Task VerboseListsEveryCheck()
    {
        await using var server = await StartAsync(Healthy);

        var (status, body) = await server.GetAsync("/readyz?verbose");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body, Is.EqualTo("[+]ping ok\n[+]storage ok\n[+]shutdown ok\nreadyz check passed\n"));
    }

    [Test]
    public async Task AFailingStoreMakesReadyzFailWithTheReason()
    {
        await using var server = await StartAsync(_ => throw new StorageException(StorageErrorCode.Unavailable, "connection refused\nsecond line"));

        var (status, body) = await server.GetAsync("/readyz");
        var (liveStatus, liveBody) = await server.GetAsync("/livez");

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(body, Is.EqualTo("[+]ping ok\n[-]storage failed: connection refused\n[+]shutdown ok\nreadyz check failed\n"));
            Assert.That(liveStatus, Is.EqualTo(HttpStatusCode.OK), "liveness does not depend on storage");
            Assert.That(liveBody, Is.EqualTo("ok"));
        });
    }

    [TestCase(true, TestName = "AStoreThatDoesNotAnswerFailsWithinTheTimeout")]
    [TestCase(false, TestName = "AStoreThatIgnoresCancellationFailsWithinTheTimeout")]
    public async Task AStoreThatDoesNotAnswerFailsWithinTheTimeout(bool honoursCancellation)
    {
        await using var server = await StartAsync(async cancellationToken =>
        {
            await Task.Delay(Timeout.Infinite, honoursCancellation ? cancellationToken : CancellationToken.None);
            return new StoreRevisions(1, 0);
        });

        var started = DateTime.UtcNow;
        var (status, body) = await server.GetAsync("/readyz");

        Assert.That(status, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(body, Does.Contain("[-]storage failed: no answer within 2 s"));
        Assert.That(DateTime.UtcNow - started, Is.LessThan(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public async Task ExcludedChecksAreSkipped()
    {
        await using var server = await StartAsync(_ => throw new StorageException(StorageErrorCode.Unavailable, "down"));

        var (status, body) = await server.GetAsync("/readyz?exclude=storage&verbose");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body, Does.Contain("[+]storage excluded: ok\n").And.EndWith("readyz check passed\n"));
    }

    [Test]
    public async Task ASingleCheckHasItsOwnPath()
    {
        await using var server = await StartAsync(_ => throw new StorageException(StorageErrorCode.Unavailable, "down"));

        var (pingStatus, pingBody) = await server.GetAsync("/readyz/ping");
        var (storageStatus, storageBody) = await server.GetAsync("/readyz/storage");
        var (unknownStatus, _) = await server.GetAsync("/readyz/nonsense");

        Assert.Multiple(() =>
        {
            Assert.That((pingStatus, pingBody), Is.EqualTo((HttpStatusCode.OK, "ok")));
            Assert.That((storageStatus, storageBody), Is.EqualTo((HttpStatusCode.InternalServerError, "[-]storage failed: down\n")));
            Assert.That(unknownStatus, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    private static async Task<TestServer> StartAsync(Func<CancellationToken, Task<StoreRevisions>> getRevisions)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton<IObjectStore>(new FakeObjectStore(getRevisions));
        var app = builder.Build();
        app.MapHealthApi();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new TestServer(app, new HttpClient { BaseAddress = new Uri(address) });
    }

    private sealed class TestServer(WebApplication app, HttpClient client) : IAsyncDisposable
    {
        public async Task<(HttpStatusCode Status, string Body)> GetAsync(string path)
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        public async ValueTask DisposeAsync()
        {
            client.Dispose();
            await app.DisposeAsync();
        }
    }
}
