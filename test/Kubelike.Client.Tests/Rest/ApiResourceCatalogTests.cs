using Kubelike.Api.Apps.V1;
using Kubelike.Api.Coordination.V1;
using Kubelike.Api.Core.V1;
using Kubelike.Client.Rest;

namespace Kubelike.Client.Tests.Rest;

/// <summary>Resource paths derived from the model types.</summary>
public sealed class ApiResourceCatalogTests
{
    [TestCase("Ingress", "ingresses")]
    [TestCase("NetworkPolicy", "networkpolicies")]
    [TestCase("Endpoints", "endpoints")]
    [TestCase("StorageClass", "storageclasses")]
    [TestCase("Gateway", "gateways")]
    [TestCase("Pod", "pods")]
    public void Kinds_become_their_plural_resource_names(string kind, string plural) =>
        Assert.That(ApiResourceCatalog.Plural(kind), Is.EqualTo(plural));

    [Test]
    public void Model_types_map_to_their_group_version_resource_and_scope()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ApiResource.For<Deployment>(), Is.EqualTo(new ApiResource("apps", "v1", "deployments", "Deployment", true)));
            Assert.That(ApiResource.For<Lease>().GroupVersionPath, Is.EqualTo("/apis/coordination.k8s.io/v1"));
            Assert.That(ApiResource.For<Namespace>().Namespaced, Is.False);
            Assert.That(ApiResource.For<ConfigMap>().GroupVersionPath, Is.EqualTo("/api/v1"));
        });
    }
}
