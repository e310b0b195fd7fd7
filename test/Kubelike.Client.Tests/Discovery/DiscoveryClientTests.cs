using Kubelike.Api.Core.V1;
using Kubelike.Client.Discovery;
using Kubelike.Client.Tests.Support;

namespace Kubelike.Client.Tests.Discovery;

/// <summary>Discovery against a real server: every group at its preferred version, resources with scope and verbs.</summary>
public sealed class DiscoveryClientTests : ClusterFixture
{
    [Test]
    public async Task Server_preferred_resources_have_their_scope_and_verbs_and_no_subresources()
    {
        var discovered = await new DiscoveryClient(Client).ServerPreferredResourcesAsync();

        var byName = discovered.Resources.ToDictionary(r => r.Resource.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(discovered.FailedGroupVersions, Is.Empty);
            Assert.That(byName["configmaps"].Resource.Namespaced, Is.True);
            Assert.That(byName["configmaps"].Supports("deletecollection"), Is.True);
            Assert.That(byName["namespaces"].Resource.Namespaced, Is.False);
            Assert.That(byName["namespaces"].Supports("deletecollection"), Is.False);
            Assert.That(byName["deployments.apps"].Resource.ApiVersion, Is.EqualTo("apps/v1"));
            Assert.That(byName["leases.coordination.k8s.io"].Resource.Kind, Is.EqualTo("Lease"));
            Assert.That(byName["bindings"].Supports("delete"), Is.False);
            Assert.That(discovered.Resources.Select(r => r.Resource.Resource), Has.None.Contains("/"), "no subresources");
        });
    }

    [Test]
    public async Task Finalize_replaces_only_a_namespace_s_spec_finalizers()
    {
        var ns = await CreateNamespaceAsync();
        var namespaces = Client.Resource<Namespace>();
        var live = await namespaces.GetAsync(ns);
        live.Spec = new NamespaceSpec { Finalizers = ["example.com/a", "kubernetes"] };
        live.Metadata!.Labels = new Dictionary<string, string> { ["not"] = "taken" };

        var finalized = await namespaces.UpdateSubresourceAsync(live, "finalize");

        Assert.Multiple(() =>
        {
            Assert.That(finalized.Spec?.Finalizers, Is.EqualTo(new[] { "example.com/a", "kubernetes" }));
            Assert.That(finalized.Metadata?.Labels?.ContainsKey("not"), Is.False);
        });
    }
}
