using System.Text.Json.Nodes;
using Kubelike.Compatibility.Tests.Harness;
using Kubelike.Compatibility.Tests.TestSupport;

namespace Kubelike.Compatibility.Tests.Http;

/// <summary>
/// The NamespaceLifecycle admission plugin: nothing is created in a namespace that is missing or terminating,
/// and the namespaces every cluster relies on cannot be deleted.
/// </summary>
[TestFixture]
public sealed class NamespaceLifecycleTests : ServerFixture
{
    [TestCase("default")]
    [TestCase("kube-system")]
    [TestCase("kube-public")]
    public async Task ASystemNamespaceCannotBeDeleted(string name)
    {
        var response = await Server.HttpClient.SendApiAsync(HttpMethod.Delete, $"/api/v1/namespaces/{name}");

        Assert.Multiple(() =>
        {
            Assert.That(response.Code, Is.EqualTo(403), response.ToString);
            Assert.That(response.Reason, Is.EqualTo("Forbidden"), response.ToString);
            Assert.That(response.Message, Is.EqualTo($"namespaces \"{name}\" is forbidden: this namespace may not be deleted"), response.ToString);
        });
        var still = await Server.HttpClient.GetObjectOrNullAsync($"/api/v1/namespaces/{name}");
        Assert.That(still?["metadata"]?["deletionTimestamp"], Is.Null, "the namespace is untouched");
    }

    [Test]
    public async Task NothingIsCreatedInATerminatingNamespace()
    {
        var ns = UniqueNames.Of("ending");
        var created = await Server.HttpClient.PostApiAsync("/api/v1/namespaces", new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Namespace",
            ["metadata"] = new JsonObject { ["name"] = ns, ["finalizers"] = new JsonArray("example.com/hold") },
        });
        Assert.That(created.Code, Is.EqualTo(201), created.ToString);
        await Server.HttpClient.CreateConfigMapAsync(ns, "before");
        var deleting = await Server.HttpClient.SendApiAsync(HttpMethod.Delete, $"/api/v1/namespaces/{ns}");
        Assert.That(deleting.Code, Is.EqualTo(200), deleting.ToString);

        var refused = await Server.HttpClient.PostApiAsync($"/api/v1/namespaces/{ns}/configmaps", ConfigMap("after"));
        var update = await Server.HttpClient.SendApiAsync(HttpMethod.Put, $"/api/v1/namespaces/{ns}/configmaps/before", ConfigMap("before").ToJsonString());

        var message = $"configmaps \"after\" is forbidden: unable to create new content in namespace {ns} because it is being terminated";
        Assert.Multiple(() =>
        {
            Assert.That(refused.Code, Is.EqualTo(403), refused.ToString);
            Assert.That(refused.Message, Is.EqualTo(message), refused.ToString);
            Assert.That((string?)refused.Json?["details"]?["causes"]?[0]?["reason"], Is.EqualTo("NamespaceTerminating"), refused.ToString);
            Assert.That(update.Code, Is.EqualTo(200), "objects already there can still be updated: " + update);
        });
    }

    [Test]
    public async Task ANamespaceCanBeUsedAsSoonAsItIsCreatedAndNotAfterItIsDeleted()
    {
        for (var i = 0; i < 10; i++)
        {
            var ns = await Server.HttpClient.CreateNamespaceAsync(UniqueNames.Of("fresh"));
            var inside = await Server.HttpClient.PostApiAsync($"/api/v1/namespaces/{ns}/configmaps", ConfigMap("first"));
            Assert.That(inside.Code, Is.EqualTo(201), inside.ToString);

            var deleted = await Server.HttpClient.SendApiAsync(HttpMethod.Delete, $"/api/v1/namespaces/{ns}");
            Assert.That(deleted.Code, Is.EqualTo(200), deleted.ToString);
            var gone = await Server.HttpClient.GetObjectOrNullAsync($"/api/v1/namespaces/{ns}");
            if (gone is not null)
                continue; // Still terminating: covered by the test above.
            var after = await Server.HttpClient.PostApiAsync($"/api/v1/namespaces/{ns}/configmaps", ConfigMap("late"));
            Assert.That(after.Code, Is.EqualTo(404), after.ToString);
        }
    }

    private static JsonObject ConfigMap(string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject { ["name"] = name },
    };
}
