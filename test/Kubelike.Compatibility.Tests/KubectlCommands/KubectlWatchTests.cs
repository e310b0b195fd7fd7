using Kubelike.Compatibility.Tests.Harness;
using Kubelike.Compatibility.Tests.TestSupport;

namespace Kubelike.Compatibility.Tests.KubectlCommands;

/// <summary><c>kubectl get -w</c>: the Table list, then the Table watch from its resourceVersion.</summary>
[TestFixture]
public sealed class KubectlWatchTests : ServerFixture
{
    private static readonly TimeSpan WatchTimeout = TimeSpan.FromSeconds(30);

    [TestCase(KubectlVersion.V1_32)]
    [TestCase(KubectlVersion.V1_35)]
    public async Task GetWatchPrintsTheExistingObjectAsAdded(KubectlVersion version)
    {
        var ns = await Server.HttpClient.CreateNamespaceAsync(UniqueNames.Of("watch"));
        await Server.HttpClient.CreateConfigMapAsync(ns, "existing");

        var result = await Kubectl(version).WatchAsync(
            ["get", "configmaps", "-n", ns, "--watch", "--output-watch-events"],
            lines => lines.Any(line => IsEvent(line, "ADDED", "existing")),
            WatchTimeout);

        Assert.That(result.Matched, Is.True, result.ToString);
        Assert.That(result.Lines[0], Does.StartWith("EVENT").And.Contain("NAME"), result.ToString);
    }

    private static bool IsEvent(string line, string type, string name)
    {
        var cells = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return cells.Length >= 2 && cells[0] == type && cells[1] == name;
    }
}
