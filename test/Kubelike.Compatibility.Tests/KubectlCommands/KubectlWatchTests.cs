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

    [TestCase(KubectlVersion.V1_32)]
    [TestCase(KubectlVersion.V1_35)]
    public async Task AWatchFromARevisionStreamsEveryLaterChangeInOrder(KubectlVersion version)
    {
        var ns = await Server.HttpClient.CreateNamespaceAsync(UniqueNames.Of("watch"));
        var created = await Server.HttpClient.CreateConfigMapAsync(ns, "followed");
        var revision = created["metadata"]!["resourceVersion"]!.GetValue<string>();
        var kubectl = Kubectl(version);

        var label = await kubectl.RunAsync("label", "configmap", "followed", "-n", ns, "tier=front");
        var annotate = await kubectl.RunAsync("annotate", "configmap", "followed", "-n", ns, "note=x");
        var delete = await kubectl.RunAsync("delete", "configmap", "followed", "-n", ns);
        // A watch from the create's revision replays what happened since, then ends at its timeout.
        var watch = await kubectl.RunAsync("get", "--raw", $"/api/v1/namespaces/{ns}/configmaps?watch=true&resourceVersion={revision}&timeoutSeconds=2");

        Assert.That(label.ExitCode, Is.EqualTo(0), label.ToString);
        Assert.That(annotate.ExitCode, Is.EqualTo(0), annotate.ToString);
        Assert.That(delete.ExitCode, Is.EqualTo(0), delete.ToString);
        Assert.That(watch.ExitCode, Is.EqualTo(0), watch.ToString);
        var events = watch.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => System.Text.Json.Nodes.JsonNode.Parse(line)!)
            .ToList();
        Assert.That(events.Select(e => e["type"]!.GetValue<string>()), Is.EqualTo(new[] { "MODIFIED", "MODIFIED", "DELETED" }), watch.ToString);
        Assert.That(events[0]["object"]!["metadata"]!["labels"]!["tier"]!.GetValue<string>(), Is.EqualTo("front"));
        Assert.That(events[1]["object"]!["metadata"]!["annotations"]!["note"]!.GetValue<string>(), Is.EqualTo("x"));
        var revisions = events.Select(e => long.Parse(e["object"]!["metadata"]!["resourceVersion"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.That(revisions, Is.Ordered.Ascending);
        Assert.That(revisions[0], Is.GreaterThan(long.Parse(revision, System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static bool IsEvent(string line, string type, string name)
    {
        var cells = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return cells.Length >= 2 && cells[0] == type && cells[1] == name;
    }
}
