using Kubelike.Compatibility.Tests.Harness;
using Kubelike.Compatibility.Tests.TestSupport;

namespace Kubelike.Compatibility.Tests.Http;

/// <summary>
/// Writes without a resourceVersion apply to whatever is stored (Helm updates its release Secret this way,
/// and kubectl label/annotate send merge patches without one).
/// </summary>
[TestFixture]
public sealed class UnconditionalUpdateTests : ServerFixture
{
    [Test]
    public async Task A_put_without_a_resource_version_replaces_the_stored_object()
    {
        var ns = await Server.HttpClient.CreateNamespaceAsync(UniqueNames.Of("put"));
        await Server.HttpClient.CreateConfigMapAsync(ns, "settings");

        var put = await Server.HttpClient.SendApiAsync(HttpMethod.Put, $"/api/v1/namespaces/{ns}/configmaps/settings",
            """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"settings"},"data":{"mode":"replaced"}}""");

        Assert.That(put.Code, Is.EqualTo(200), put.ToString);
        Assert.That((string?)put.Json!["data"]!["mode"], Is.EqualTo("replaced"));
    }

    [Test]
    public async Task A_merge_patch_without_a_resource_version_applies_to_the_stored_object()
    {
        var ns = await Server.HttpClient.CreateNamespaceAsync(UniqueNames.Of("patch"));
        await Server.HttpClient.CreateConfigMapAsync(ns, "settings");

        var patch = await Server.HttpClient.SendApiAsync(HttpMethod.Patch, $"/api/v1/namespaces/{ns}/configmaps/settings",
            """{"data":{"added":"yes"},"metadata":{"labels":{"team":"blue"}}}""", "application/merge-patch+json");

        Assert.That(patch.Code, Is.EqualTo(200), patch.ToString);
        Assert.That((string?)patch.Json!["data"]!["added"], Is.EqualTo("yes"));
        Assert.That((string?)patch.Json!["metadata"]!["labels"]!["team"], Is.EqualTo("blue"));
    }

    [Test]
    public async Task A_merge_patch_with_a_stale_resource_version_is_a_conflict()
    {
        var ns = await Server.HttpClient.CreateNamespaceAsync(UniqueNames.Of("patch"));
        var created = await Server.HttpClient.CreateConfigMapAsync(ns, "settings");
        var stale = (string?)created["metadata"]!["resourceVersion"];
        await Server.HttpClient.SendApiAsync(HttpMethod.Patch, $"/api/v1/namespaces/{ns}/configmaps/settings", """{"data":{"first":"1"}}""", "application/merge-patch+json");

        var patch = await Server.HttpClient.SendApiAsync(HttpMethod.Patch, $"/api/v1/namespaces/{ns}/configmaps/settings",
            """{"metadata":{"resourceVersion":""" + $"\"{stale}\"" + """},"data":{"second":"2"}}""", "application/merge-patch+json");

        Assert.That(patch.Code, Is.EqualTo(409), patch.ToString);
        Assert.That(patch.Reason, Is.EqualTo("Conflict"));
    }
}
