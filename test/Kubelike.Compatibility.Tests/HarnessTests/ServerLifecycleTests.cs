using System.Globalization;
using Kubelike.Compatibility.Tests.Harness;

namespace Kubelike.Compatibility.Tests.HarnessTests;

/// <summary>A server of its own: what <see cref="KubelikeServer"/> leaves behind once stopped.</summary>
[TestFixture]
public sealed class ServerLifecycleTests
{
    [Test]
    public async Task StopsOnSigtermAndDeletesItsData()
    {
        var server = await KubelikeServer.StartAsync();
        try
        {
            var postmasterPid = int.Parse(
                File.ReadLines(Path.Combine(server.PostgresDirectory, "postmaster.pid")).First(), NumberStyles.None, CultureInfo.InvariantCulture);

            var exitCode = await server.StopAsync();

            Assert.Multiple(() =>
            {
                Assert.That(exitCode, Is.Zero, server.Output);
                Assert.That(server.Output, Does.Contain("PostgreSQL stopped"), "a graceful stop, PostgreSQL included");
                Assert.That(ProcessState.IsAlive(postmasterPid), Is.False, "the postmaster has exited");
            });
        }
        finally
        {
            await server.DisposeAsync();
        }

        Assert.That(Directory.Exists(server.DataDirectory), Is.False, "the data directory is deleted");
        Assert.That(Directory.Exists(Path.GetDirectoryName(server.DataDirectory)), Is.False, "with the temporary directory around it");
    }

    [Test]
    public async Task TwoServersRunSideBySide()
    {
        // Fixtures may overlap (and test assemblies do run in parallel): each server has its own port and data.
        await using var first = await KubelikeServer.StartAsync();
        await using var second = await KubelikeServer.StartAsync();

        Assert.That(second.Port, Is.Not.EqualTo(first.Port));
        Assert.That(second.DataDirectory, Is.Not.EqualTo(first.DataDirectory));
        foreach (var server in new[] { first, second })
        {
            using var response = await server.HttpClient.GetAsync(new Uri("/readyz", UriKind.Relative));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("ok"), server.BaseUrl.ToString());
        }
    }
}
