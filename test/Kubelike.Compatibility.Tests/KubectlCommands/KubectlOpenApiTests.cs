using Kubelike.Compatibility.Tests.Harness;
using Kubelike.Compatibility.Tests.TestSupport;

namespace Kubelike.Compatibility.Tests.KubectlCommands;

/// <summary>
/// kubectl with its default validation, which needs the server's OpenAPI v3 documents: create -f, replace -f and
/// apply of a new object run without <c>--validate=false</c> (kubectl finds <c>fieldValidation</c> on the PATCH
/// operation and lets the server validate strictly), an unknown field is refused with its path, and explain prints
/// the schema's descriptions.
/// </summary>
[TestFixture]
public sealed class KubectlOpenApiTests : ServerFixture
{
    [TestCase(KubectlVersion.V1_32)]
    [TestCase(KubectlVersion.V1_35)]
    public async Task CreateAndReplaceFromFilesValidateWithoutFlags(KubectlVersion version)
    {
        var ns = await Server.HttpClient.CreateNamespaceAsync(UniqueNames.Of("openapi"));
        var kubectl = Kubectl(version);

        var created = await OkAsync(kubectl.RunAsync("create", "-n", ns, "-f", WriteFile("shop.yaml", Manifests.FourKindsYaml)));
        var configMap = await OkAsync(kubectl.RunAsync("replace", "-n", ns, "-f", WriteFile("cm.json", Manifests.ConfigMapJson("settings", "two"))));
        var deployment = await OkAsync(kubectl.RunAsync("replace", "-n", ns, "-f", WriteFile("deploy.json", Manifests.DeploymentJson("web", 3, app: "shop"))));

        var stored = await OkAsync(kubectl.RunAsync("get", "deploy/web", "cm/settings", "-n", ns, "-o", "jsonpath={.items[0].spec.replicas} {.items[1].data.key}"));
        Assert.Multiple(() =>
        {
            Assert.That(created.Stdout, Does.Contain("deployment.apps/web created").And.Contain("configmap/settings created"), created.ToString);
            Assert.That(configMap.Stdout.Trim(), Is.EqualTo("configmap/settings replaced"), configMap.ToString);
            Assert.That(deployment.Stdout.Trim(), Is.EqualTo("deployment.apps/web replaced"), deployment.ToString);
            Assert.That(created.Stderr + configMap.Stderr + deployment.Stderr, Does.Not.Contain("openapi"), "no complaint about OpenAPI");
            Assert.That(stored.Stdout, Is.EqualTo("3 two"), stored.ToString);
        });
    }

    [TestCase(KubectlVersion.V1_32)]
    [TestCase(KubectlVersion.V1_35)]
    public async Task ApplyCreatesANewObjectWithoutFlags(KubectlVersion version)
    {
        var ns = await Server.HttpClient.CreateNamespaceAsync(UniqueNames.Of("openapi"));
        var kubectl = Kubectl(version);

        var applied = await OkAsync(kubectl.RunAsync("apply", "-n", ns, "-f", WriteFile("deploy.json", Manifests.DeploymentJson("web", 2))));

        var annotation = await OkAsync(kubectl.RunAsync("get", "deploy", "web", "-n", ns, "-o",
            @"jsonpath={.metadata.annotations.kubectl\.kubernetes\.io/last-applied-configuration}"));
        Assert.That(applied.Stdout.Trim(), Is.EqualTo("deployment.apps/web created"), applied.ToString);
        Assert.That(annotation.Stdout, Does.Contain("\"replicas\":2"), annotation.ToString);
    }

    [TestCase(KubectlVersion.V1_32)]
    [TestCase(KubectlVersion.V1_35)]
    public async Task AnUnknownFieldIsRefusedWithItsPath(KubectlVersion version)
    {
        var ns = await Server.HttpClient.CreateNamespaceAsync(UniqueNames.Of("openapi"));
        var kubectl = Kubectl(version);
        var manifest = Manifests.DeploymentJson("web", 1).Replace("\"replicas\": 1,", "\"replicas\": 1, \"replicaz\": 2,", StringComparison.Ordinal);

        var created = await kubectl.RunAsync("create", "-n", ns, "-f", WriteFile("typo.json", manifest));

        Assert.That(created.ExitCode, Is.Not.Zero, created.ToString);
        Assert.That(created.Stderr, Does.Contain("unknown field \"spec.replicaz\""), created.ToString);
        Assert.That(await Server.HttpClient.GetObjectOrNullAsync($"/apis/apps/v1/namespaces/{ns}/deployments/web"), Is.Null);
    }

    [TestCase(KubectlVersion.V1_32)]
    [TestCase(KubectlVersion.V1_35)]
    public async Task ExplainPrintsTheDescriptionsOfAField(KubectlVersion version)
    {
        var explained = await OkAsync(Kubectl(version).RunAsync("explain", "deployment.spec.strategy"));

        Assert.Multiple(() =>
        {
            Assert.That(explained.Stdout, Does.Match(@"(?m)^GROUP:\s+apps$"), explained.ToString);
            Assert.That(explained.Stdout, Does.Match(@"(?m)^KIND:\s+Deployment$"), explained.ToString);
            Assert.That(explained.Stdout, Does.Contain("FIELD: strategy <DeploymentStrategy>"), explained.ToString);
            Assert.That(explained.Stdout, Does.Contain("The deployment strategy to use to replace existing pods with new ones."), explained.ToString);
            Assert.That(explained.Stdout, Does.Match(@"(?m)^\s+rollingUpdate\s+<RollingUpdateDeployment>$"), explained.ToString);
            Assert.That(explained.Stdout, Does.Match(@"(?m)^\s+type\s+<string>$"), explained.ToString);
            Assert.That(explained.Stdout, Does.Contain("enum: Recreate, RollingUpdate"), explained.ToString);
        });
    }

    [TestCase(KubectlVersion.V1_32)]
    [TestCase(KubectlVersion.V1_35)]
    public async Task ExplainRecursiveWalksTheWholeSchema(KubectlVersion version)
    {
        var kubectl = Kubectl(version);

        var pods = await OkAsync(kubectl.RunAsync("explain", "pods", "--recursive"));
        var jobs = await OkAsync(kubectl.RunAsync("explain", "jobs.spec.template.spec.containers", "--recursive"));
        var hpa = await OkAsync(kubectl.RunAsync("explain", "hpa", "--api-version=autoscaling/v1"));

        Assert.Multiple(() =>
        {
            Assert.That(pods.Stdout, Does.Match(@"(?m)^KIND:\s+Pod$"), pods.ToString);
            Assert.That(pods.Stdout, Does.Match(@"(?m)^  spec\t<PodSpec>$"), pods.ToString);
            Assert.That(pods.Stdout, Does.Match(@"(?m)^    containers\t<\[\]Container> -required-$"), pods.ToString);
            Assert.That(pods.Stdout, Does.Match(@"(?m)^          preference\t<NodeSelectorTerm> -required-$"), "nested five levels deep: " + pods);
            Assert.That(pods.Stdout, Does.Match(@"(?m)^      name\t<string> -required-$"), pods.ToString);
            Assert.That(jobs.Stdout, Does.Match(@"(?m)^KIND:\s+Job$"), jobs.ToString);
            Assert.That(jobs.Stdout, Does.Match(@"(?m)^  image\t<string>$"), jobs.ToString);
            Assert.That(hpa.Stdout, Does.Match(@"(?m)^VERSION:\s+v1$"), hpa.ToString);
            Assert.That(hpa.Stdout, Does.Contain("HorizontalPodAutoscaler"), hpa.ToString);
        });
    }

    private string WriteFile(string name, string content)
    {
        var path = TestDirectory.Combine(name);
        File.WriteAllText(path, content);
        return path;
    }

    private static async Task<ToolResult> OkAsync(Task<ToolResult> run)
    {
        var result = await run;
        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        return result;
    }
}
