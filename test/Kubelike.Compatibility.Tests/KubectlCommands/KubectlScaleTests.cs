using Kubelike.Compatibility.Tests.Harness;
using Kubelike.Compatibility.Tests.TestSupport;

namespace Kubelike.Compatibility.Tests.KubectlCommands;

/// <summary><c>kubectl scale</c> goes through the scale subresource (autoscaling/v1 Scale).</summary>
[TestFixture]
public sealed class KubectlScaleTests : ServerFixture
{
    [TestCase(KubectlVersion.V1_32)]
    [TestCase(KubectlVersion.V1_35)]
    public async Task Scale_changes_spec_replicas_through_the_scale_subresource(KubectlVersion version)
    {
        var kubectl = Kubectl(version);
        var ns = await Server.HttpClient.CreateNamespaceAsync(UniqueNames.Of("scale"));
        var create = await kubectl.RunAsync("create", "deployment", "web", "-n", ns, "--image=busybox:1.36");
        Assert.That(create.ExitCode, Is.EqualTo(0), create.ToString);

        var scale = await kubectl.RunAsync("scale", "deployment", "web", "-n", ns, "--replicas=4");
        var replicas = await kubectl.RunAsync("get", "deployment", "web", "-n", ns, "-o", "jsonpath={.spec.replicas} {.metadata.generation}");
        var view = await kubectl.RunAsync("get", "--raw", $"/apis/apps/v1/namespaces/{ns}/deployments/web/scale");

        Assert.That(scale.ExitCode, Is.EqualTo(0), scale.ToString);
        Assert.That(replicas.Stdout, Is.EqualTo("4 2"), replicas.ToString);
        var scaleObject = System.Text.Json.Nodes.JsonNode.Parse(view.Stdout)!;
        Assert.That((string?)scaleObject["kind"], Is.EqualTo("Scale"));
        Assert.That((int?)scaleObject["spec"]!["replicas"], Is.EqualTo(4));
        Assert.That((string?)scaleObject["status"]!["selector"], Is.EqualTo("app=web"));
    }

    [Test]
    public async Task A_negative_scale_is_invalid()
    {
        var kubectl = Kubectl(KubectlVersion.V1_35);
        var ns = await Server.HttpClient.CreateNamespaceAsync(UniqueNames.Of("scale"));
        await kubectl.RunAsync("create", "deployment", "web", "-n", ns, "--image=busybox:1.36");

        var response = await Server.HttpClient.SendApiAsync(HttpMethod.Patch, $"/apis/apps/v1/namespaces/{ns}/deployments/web/scale",
            """{"spec":{"replicas":-1}}""", "application/merge-patch+json");

        Assert.That(response.Code, Is.EqualTo(422), response.ToString);
        Assert.That(response.Reason, Is.EqualTo("Invalid"));
    }
}
