using System.Net;
using System.Text.Json.Nodes;
using Kubelike.Compatibility.Tests.Harness;
using Kubelike.Compatibility.Tests.TestSupport;
using Kubelike.Testing.Generators;

namespace Kubelike.Compatibility.Tests.Http;

/// <summary>
/// Property: applying the same configuration again is a no-op — no write, so the same resourceVersion and the same
/// managedFields. Checked against the server over seeded random objects of several kinds (labels, annotations,
/// containers, ports, env, resources), with server-side apply directly and with kubectl's client- and server-side apply.
/// </summary>
[TestFixture]
public sealed class ApplyTwiceTests : ServerFixture
{
    private const string ApplyPatch = "application/apply-patch+yaml";

    [TestCase(11)]
    [TestCase(12)]
    public async Task A_second_server_side_apply_of_the_same_configuration_writes_nothing(int seed)
    {
        var ns = await Server.HttpClient.CreateNamespaceAsync(UniqueNames.Of("twice"));
        var manifests = new RandomManifests(seed);
        for (var i = 0; i < 40; i++)
        {
            var generated = manifests.Next($"obj-{i}");
            var path = generated.Path(ns) + "?fieldManager=property";
            var first = await Server.HttpClient.SendApiAsync(HttpMethod.Patch, path, generated.Manifest.ToJsonString(), ApplyPatch);
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created), $"object {i}: {generated.Manifest.ToJsonString()}{Environment.NewLine}{first}");

            // The same configuration with the keys of its maps in another order.
            var second = await Server.HttpClient.SendApiAsync(HttpMethod.Patch, path, manifests.ShuffleKeys(generated.Manifest).ToJsonString(), ApplyPatch);
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK), second.ToString);
            var before = first.Json!["metadata"]!;
            var after = second.Json!["metadata"]!;
            Assert.Multiple(() =>
            {
                Assert.That((string?)after["resourceVersion"], Is.EqualTo((string?)before["resourceVersion"]), $"object {i}: a new resourceVersion, so a write: {generated.Manifest.ToJsonString()}");
                Assert.That(after["managedFields"]!.ToJsonString(), Is.EqualTo(before["managedFields"]!.ToJsonString()), $"object {i}: managedFields changed");
                Assert.That(JsonNode.DeepEquals(second.Json, first.Json), Is.True, $"object {i}: {first.Body}{Environment.NewLine}{second.Body}");
            });
        }
    }

    [TestCase(KubectlVersion.V1_32, false)]
    [TestCase(KubectlVersion.V1_35, false)]
    [TestCase(KubectlVersion.V1_35, true)]
    public async Task Kubectl_apply_of_the_same_directory_twice_leaves_every_object_unchanged(KubectlVersion version, bool serverSide)
    {
        var ns = await Server.HttpClient.CreateNamespaceAsync(UniqueNames.Of("twice"));
        var manifests = new RandomManifests(serverSide ? 22 : 21);
        var directory = TestDirectory.Combine("manifests");
        Directory.CreateDirectory(directory);
        var objects = Enumerable.Range(0, 30).Select(i => manifests.Next($"obj-{i}")).ToList();
        foreach (var generated in objects)
            await File.WriteAllTextAsync(Path.Combine(directory, $"{generated.Name}.json"), generated.Manifest.ToJsonString());
        var kubectl = Kubectl(version);
        string[] apply = serverSide ? ["apply", "--server-side", "-n", ns, "-f", directory] : ["apply", "-n", ns, "-f", directory];

        var first = await kubectl.RunAsync(apply);
        Assert.That(first.ExitCode, Is.Zero, first.ToString);
        var before = await ReadAllAsync(objects, ns);
        var second = await kubectl.RunAsync(apply);
        Assert.That(second.ExitCode, Is.Zero, second.ToString);
        var after = await ReadAllAsync(objects, ns);

        Assert.Multiple(() =>
        {
            if (!serverSide)
                Assert.That(second.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(objects.Count).And.All.EndWith(" unchanged"), second.ToString);
            foreach (var generated in objects)
            {
                var was = before[generated.Name];
                var now = after[generated.Name];
                Assert.That((string?)now["metadata"]!["resourceVersion"], Is.EqualTo((string?)was["metadata"]!["resourceVersion"]), $"{generated.Kind} {generated.Name} was written again");
                Assert.That(now["metadata"]!["managedFields"]!.ToJsonString(), Is.EqualTo(was["metadata"]!["managedFields"]!.ToJsonString()), $"{generated.Kind} {generated.Name}");
            }
        });
    }

    private async Task<Dictionary<string, JsonObject>> ReadAllAsync(IEnumerable<GeneratedObject> objects, string ns)
    {
        var read = new Dictionary<string, JsonObject>();
        foreach (var generated in objects)
            read[generated.Name] = await Server.HttpClient.GetObjectOrNullAsync(generated.Path(ns)) ?? throw new AssertionException($"{generated.Kind} {generated.Name} is missing");
        return read;
    }
}
