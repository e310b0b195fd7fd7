using System.Text.Json.Nodes;
using Kubelike.Compatibility.Tests.Harness;
using Kubelike.Compatibility.Tests.TestSupport;

namespace Kubelike.Compatibility.Tests.Http;

/// <summary>
/// The NamespaceLifecycle admission plugin: nothing is created in a namespace that is missing or terminating,
/// and the namespaces every cluster relies on cannot be deleted; and the namespace registry's lifecycle: a DELETE
/// marks the namespace Terminating, and it goes when its finalizers are gone (the server under test runs no
/// controllers, so the tests finalize it as the namespace controller would).
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
    public async Task ANamespaceCanBeUsedAsSoonAsItIsCreatedAndNotAfterItIsFinalized()
    {
        for (var i = 0; i < 10; i++)
        {
            var ns = await Server.HttpClient.CreateNamespaceAsync(UniqueNames.Of("fresh"));
            var inside = await Server.HttpClient.PostApiAsync($"/api/v1/namespaces/{ns}/configmaps", ConfigMap("first"));
            Assert.That(inside.Code, Is.EqualTo(201), inside.ToString);

            var deleted = await Server.HttpClient.SendApiAsync(HttpMethod.Delete, $"/api/v1/namespaces/{ns}");
            Assert.That(deleted.Code, Is.EqualTo(200), deleted.ToString);
            // This server runs no namespace controller: the test does its last step, as upstream's would.
            var finalized = await Server.HttpClient.SendApiAsync(HttpMethod.Put, $"/api/v1/namespaces/{ns}/finalize", Finalize(ns).ToJsonString());
            Assert.That(finalized.Code, Is.EqualTo(200), finalized.ToString);
            var after = await Server.HttpClient.PostApiAsync($"/api/v1/namespaces/{ns}/configmaps", ConfigMap("late"));
            Assert.That(after.Code, Is.EqualTo(404), after.ToString);
        }
    }

    [Test]
    public async Task ADeletedNamespaceIsTerminatingUntilItsFinalizersAreGone()
    {
        var ns = await Server.HttpClient.CreateNamespaceAsync(UniqueNames.Of("term"));
        var created = await Server.HttpClient.GetObjectOrNullAsync($"/api/v1/namespaces/{ns}");
        Assert.That(created?["spec"]?["finalizers"]?.ToJsonString(), Is.EqualTo("""["kubernetes"]"""), "the registry adds the kubernetes finalizer");

        var deleting = await Server.HttpClient.SendApiAsync(HttpMethod.Delete, $"/api/v1/namespaces/{ns}");
        var again = await Server.HttpClient.SendApiAsync(HttpMethod.Delete, $"/api/v1/namespaces/{ns}");
        // An ordinary update cannot drop spec.finalizers, nor can finalize be read or patched.
        var update = (JsonObject)(await Server.HttpClient.GetObjectOrNullAsync($"/api/v1/namespaces/{ns}"))!;
        update["spec"] = new JsonObject { ["finalizers"] = new JsonArray() };
        var updated = await Server.HttpClient.SendApiAsync(HttpMethod.Put, $"/api/v1/namespaces/{ns}", update.ToJsonString());
        var read = await Server.HttpClient.GetApiAsync($"/api/v1/namespaces/{ns}/finalize");
        var still = await Server.HttpClient.GetObjectOrNullAsync($"/api/v1/namespaces/{ns}");
        Assert.Multiple(() =>
        {
            Assert.That(deleting.Code, Is.EqualTo(200), deleting.ToString);
            Assert.That((string?)deleting.Json?["kind"], Is.EqualTo("Namespace"), "the DELETE answers with the terminating namespace");
            Assert.That((string?)deleting.Json?["status"]?["phase"], Is.EqualTo("Terminating"), deleting.ToString);
            Assert.That(deleting.Json?["metadata"]?["deletionTimestamp"], Is.Not.Null, deleting.ToString);
            Assert.That(again.Code, Is.EqualTo(200), again.ToString);
            Assert.That((string?)again.Json?["metadata"]?["deletionTimestamp"], Is.EqualTo((string?)deleting.Json?["metadata"]?["deletionTimestamp"]), "a second DELETE changes nothing");
            Assert.That(updated.Code, Is.EqualTo(200), updated.ToString);
            Assert.That(updated.Json?["spec"]?["finalizers"]?.ToJsonString(), Is.EqualTo("""["kubernetes"]"""), "spec.finalizers changes only through finalize");
            Assert.That(read.Code, Is.EqualTo(405), read.ToString);
            Assert.That((string?)still?["status"]?["phase"], Is.EqualTo("Terminating"));
        });

        var finalized = await Server.HttpClient.SendApiAsync(HttpMethod.Put, $"/api/v1/namespaces/{ns}/finalize", Finalize(ns).ToJsonString());
        Assert.That(finalized.Code, Is.EqualTo(200), finalized.ToString);
        Assert.That(await Server.HttpClient.GetObjectOrNullAsync($"/api/v1/namespaces/{ns}"), Is.Null, "gone with its last finalizer");
    }

    [Test]
    public async Task FinalizeOnALiveNamespaceChangesOnlyItsFinalizers()
    {
        var ns = await Server.HttpClient.CreateNamespaceAsync(UniqueNames.Of("fin"));
        var body = Finalize(ns);
        body["spec"] = new JsonObject { ["finalizers"] = new JsonArray("example.com/one") };
        body["metadata"]!["labels"] = new JsonObject { ["ignored"] = "yes" };
        body["status"] = new JsonObject { ["phase"] = "Terminating" };

        var finalized = await Server.HttpClient.SendApiAsync(HttpMethod.Put, $"/api/v1/namespaces/{ns}/finalize", body.ToJsonString());

        Assert.Multiple(() =>
        {
            Assert.That(finalized.Code, Is.EqualTo(200), finalized.ToString);
            Assert.That(finalized.Json?["spec"]?["finalizers"]?.ToJsonString(), Is.EqualTo("""["example.com/one"]"""));
            Assert.That((string?)finalized.Json?["status"]?["phase"], Is.EqualTo("Active"));
            Assert.That(finalized.Json?["metadata"]?["labels"]?["ignored"], Is.Null);
        });
    }

    private static JsonObject Finalize(string ns) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Namespace",
        ["metadata"] = new JsonObject { ["name"] = ns },
        ["spec"] = new JsonObject { ["finalizers"] = new JsonArray() },
    };

    private static JsonObject ConfigMap(string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject { ["name"] = name },
    };
}
