using Kubelike.Api.Apps.V1;
using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Client.Rest;
using Kubelike.Controllers.Tests.Support;

namespace Kubelike.Controllers.Tests;

/// <summary>
/// Deleting a namespace as users do (kubectl delete namespace): it turns Terminating, refuses new content, its
/// content is deleted (pods within their grace period, objects once their finalizers are done), its deletion
/// conditions tell what it waits for, and then it is gone.
/// </summary>
public sealed class NamespaceControllerTests : ControllerFixture
{
    [Test]
    public async Task Kubectl_delete_namespace_removes_pods_deployments_configmaps_and_secrets_then_the_namespace()
    {
        var ns = await CreateNamespaceAsync();
        await using var node = await HollowNode.StartAsync(Client, ns);
        await Client.Resource<Deployment>().CreateAsync(new Deployment
        {
            Metadata = new ObjectMeta { Name = "web", Namespace = ns },
            Spec = new DeploymentSpec
            {
                Replicas = 2,
                Selector = new LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "web" } },
                Template = Template("web", "nginx"),
            },
        });
        await Client.Resource<ConfigMap>().CreateAsync(new ConfigMap { Metadata = new ObjectMeta { Name = "settings", Namespace = ns }, Data = new Dictionary<string, string> { ["a"] = "b" } });
        await Client.Resource<Secret>().CreateAsync(new Secret { Metadata = new ObjectMeta { Name = "token", Namespace = ns }, StringData = new Dictionary<string, string> { ["t"] = "x" } });
        // A pod bound to a node is deleted gracefully: it stays until its node agent (this test) confirms it stopped.
        await Client.Resource<Pod>().CreateAsync(new Pod
        {
            Metadata = new ObjectMeta { Name = "bound", Namespace = ns },
            Spec = new PodSpec { NodeName = "no-agent-" + ns, TerminationGracePeriodSeconds = 30, Containers = [new Container { Name = "main", Image = "busybox" }] },
        });
        await UntilAsync(async () => (await PodsAsync(ns)).Count == 3, "the deployment's two pods and the bound pod");

        var (exitCode, output) = await KubectlAsync("delete", "namespace", ns, "--wait=false");
        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Contain($"namespace \"{ns}\" deleted"));

        await UntilAsync(async () => (await Client.Resource<Pod>().GetAsync("bound", ns)).Metadata?.DeletionTimestamp is not null, "the bound pod is being deleted");
        var terminating = await Client.Resource<Namespace>().GetAsync(ns);
        var (getExit, table) = await KubectlAsync("get", "namespace", ns);
        var (createExit, refused) = await KubectlAsync("create", "configmap", "late", "-n", ns);
        Assert.Multiple(() =>
        {
            Assert.That(terminating.Metadata?.DeletionTimestamp, Is.Not.Null);
            Assert.That(terminating.Status?.Phase, Is.EqualTo("Terminating"));
            Assert.That(getExit, Is.Zero, table);
            Assert.That(table, Does.Match($@"(?m)^{ns}\s+Terminating\s"), "kubectl get ns shows the phase");
            Assert.That(createExit, Is.Not.Zero);
            Assert.That(refused, Does.Contain($"configmaps \"late\" is forbidden: unable to create new content in namespace {ns} because it is being terminated"));
        });

        await UntilAsync(
            async () => Condition(await Client.Resource<Namespace>().GetAsync(ns), "NamespaceContentRemaining") is { Status: "True" } c
                && c.Message == "Some resources are remaining: pods. has 1 resource instances",
            "the namespace reports the pod it waits for");
        var waiting = await Client.Resource<Namespace>().GetAsync(ns);
        Assert.Multiple(() =>
        {
            Assert.That(Condition(waiting, "NamespaceContentRemaining")?.Reason, Is.EqualTo("SomeResourcesRemain"));
            Assert.That(Condition(waiting, "NamespaceDeletionDiscoveryFailure") is { Status: "False", Reason: "ResourcesDiscovered" });
            Assert.That(Condition(waiting, "NamespaceDeletionContentFailure") is { Status: "False", Reason: "ContentDeleted" });
            Assert.That(Condition(waiting, "NamespaceFinalizersRemaining") is { Status: "False", Reason: "ContentHasNoFinalizers" });
            Assert.That(waiting.Spec?.Finalizers, Is.EqualTo(new[] { "kubernetes" }), "not finalized while content remains");
        });

        // The node agent has stopped the containers: the pod goes, and with it the last content.
        await Client.Resource<Pod>().DeleteAsync("bound", ns, new DeleteOptions { GracePeriodSeconds = 0 });
        await UntilAsync(async () => await ExistsAsync(ns) is false, "the namespace is gone");
        Assert.Multiple(async () =>
        {
            Assert.That(await CountAsync<Pod>(ns), Is.Zero, "pods");
            Assert.That(await CountAsync<Deployment>(ns), Is.Zero, "deployments");
            Assert.That(await CountAsync<ReplicaSet>(ns), Is.Zero, "replica sets");
            Assert.That(await CountAsync<ConfigMap>(ns), Is.Zero, "config maps");
            Assert.That(await CountAsync<Secret>(ns), Is.Zero, "secrets");
            Assert.That(await CountAsync<ServiceAccount>(ns), Is.Zero, "service accounts");
        });
    }

    [Test]
    public async Task An_object_with_a_finalizer_holds_the_namespace_until_the_finalizer_is_removed()
    {
        var ns = await CreateNamespaceAsync();
        var configMaps = Client.Resource<ConfigMap>();
        await configMaps.CreateAsync(new ConfigMap { Metadata = new ObjectMeta { Name = "held", Namespace = ns, Finalizers = ["example.com/hold"] } });
        await configMaps.CreateAsync(new ConfigMap { Metadata = new ObjectMeta { Name = "free", Namespace = ns } });

        await Client.Resource<Namespace>().DeleteAsync(ns);

        await UntilAsync(
            async () => Condition(await Client.Resource<Namespace>().GetAsync(ns), "NamespaceFinalizersRemaining") is { Status: "True" },
            "the namespace reports the finalizer it waits for");
        var waiting = await Client.Resource<Namespace>().GetAsync(ns);
        Assert.Multiple(async () =>
        {
            Assert.That(Condition(waiting, "NamespaceFinalizersRemaining")?.Reason, Is.EqualTo("SomeFinalizersRemain"));
            Assert.That(Condition(waiting, "NamespaceFinalizersRemaining")?.Message,
                Is.EqualTo("Some content in the namespace has finalizers remaining: example.com/hold in 1 resource instances"));
            Assert.That(Condition(waiting, "NamespaceContentRemaining")?.Message, Is.EqualTo("Some resources are remaining: configmaps. has 1 resource instances"));
            Assert.That((await configMaps.ListAsync(ns)).Items.Select(c => c.Metadata!.Name), Is.EqualTo(new[] { "held" }), "the other config map is gone");
            Assert.That((await configMaps.GetAsync("held", ns)).Metadata?.DeletionTimestamp, Is.Not.Null, "the held one is being deleted");
        });

        await configMaps.PatchAsync("held", Patch.Merge(new System.Text.Json.Nodes.JsonObject { ["metadata"] = new System.Text.Json.Nodes.JsonObject { ["finalizers"] = null } }), ns);
        await UntilAsync(async () => await ExistsAsync(ns) is false, "the namespace is gone once the finalizer is");
    }

    [Test]
    public async Task Every_namespace_gets_a_default_service_account_which_comes_back_when_deleted()
    {
        var ns = await CreateNamespaceAsync();
        var serviceAccounts = Client.Resource<ServiceAccount>();
        await UntilAsync(async () => (await serviceAccounts.ListAsync(ns)).Items.Any(s => s.Metadata?.Name == "default"), "a default service account");
        var first = await serviceAccounts.GetAsync("default", ns);

        await serviceAccounts.DeleteAsync("default", ns);

        await UntilAsync(
            async () => (await serviceAccounts.ListAsync(ns)).Items.Any(s => s.Metadata?.Name == "default" && s.Metadata.Uid != first.Metadata!.Uid),
            "the default service account is created again");
        var (exitCode, output) = await KubectlAsync("get", "serviceaccounts", "-n", "kube-system", "default", "-o", "name");
        Assert.That(output.Trim(), Is.EqualTo("serviceaccount/default"), $"the system namespaces have one too (exit code {exitCode})");
    }

    private static NamespaceCondition? Condition(Namespace ns, string type) => ns.Status?.Conditions?.FirstOrDefault(c => c.Type == type);

    private async Task<bool> ExistsAsync(string ns)
    {
        try
        {
            await Client.Resource<Namespace>().GetAsync(ns);
            return true;
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
            return false;
        }
    }

    /// <summary>Objects of a kind left in a namespace, counted through a cluster-wide list (the namespace itself is gone).</summary>
    private async Task<int> CountAsync<T>(string ns)
        where T : class =>
        (await Client.Resource<T>().ListAsync(null, new ListParameters { FieldSelector = "metadata.namespace=" + ns })).Items.Count;
}
