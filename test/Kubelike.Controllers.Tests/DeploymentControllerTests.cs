using Kubelike.Api.Apps.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Controllers.Deployments;
using Kubelike.Controllers.Tests.Support;

namespace Kubelike.Controllers.Tests;

public sealed class DeploymentControllerTests : ControllerFixture
{
    private static Deployment NewDeployment(string ns, string name, int replicas, string image) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = ns },
        Spec = new DeploymentSpec
        {
            Replicas = replicas,
            Selector = new LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } },
            Template = Template(name, image),
            Strategy = new DeploymentStrategy
            {
                Type = "RollingUpdate",
                RollingUpdate = new RollingUpdateDeployment { MaxUnavailable = 0, MaxSurge = 1 },
            },
        },
    };

    [Test]
    public async Task A_rolling_update_with_no_unavailability_completes_and_rollout_status_says_so()
    {
        var ns = await CreateNamespaceAsync();
        await using var node = await HollowNode.StartAsync(Client, ns);
        var deployments = Client.Resource<Deployment>();
        await deployments.CreateAsync(NewDeployment(ns, "web", 3, "web:a"));

        var (code, output) = await KubectlAsync("rollout", "status", "deployment/web", "-n", ns, "--timeout=60s");
        Assert.That(code, Is.Zero, output);
        var first = (await ReplicaSetsAsync(ns)).Single();
        Assert.That(first.Metadata!.Name, Does.Match("^web-[bcdfghjklmnpqrstvwxz2456789]+$"));
        Assert.That(first.Metadata.Name, Is.EqualTo("web-" + first.Metadata.Labels![PodTemplateHash.Label]));

        var deployment = await deployments.GetAsync("web", ns);
        deployment.Spec!.Template!.Spec!.Containers![0].Image = "web:b";
        await deployments.UpdateAsync(deployment);

        // While rolling, available pods never drop below 3 (maxUnavailable 0); the watch of the status shows it.
        (code, output) = await KubectlAsync("rollout", "status", "deployment/web", "-n", ns, "--timeout=60s");
        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Contain("successfully rolled out"));

        var replicaSets = await ReplicaSetsAsync(ns);
        var second = replicaSets.Single(rs => rs.Metadata!.Name != first.Metadata.Name);
        var status = (await deployments.GetAsync("web", ns)).Status!;
        Assert.Multiple(() =>
        {
            Assert.That(replicaSets.Single(rs => rs.Metadata!.Name == first.Metadata.Name).Spec!.Replicas, Is.Zero, "the old ReplicaSet is scaled down");
            Assert.That(second.Spec!.Replicas, Is.EqualTo(3));
            Assert.That(second.Metadata!.Annotations![DeploymentController.RevisionAnnotation], Is.EqualTo("2"));
            Assert.That(status.UpdatedReplicas, Is.EqualTo(3));
            Assert.That(status.AvailableReplicas, Is.EqualTo(3));
            Assert.That(status.Conditions!.Single(c => c.Type == "Progressing").Reason, Is.EqualTo("NewReplicaSetAvailable"));
            Assert.That(status.Conditions!.Single(c => c.Type == "Available").Status, Is.EqualTo("True"));
        });

        // kubectl rollout undo puts the first template back, which revives the first ReplicaSet as revision 3.
        (code, output) = await KubectlAsync("rollout", "undo", "deployment/web", "-n", ns);
        Assert.That(code, Is.Zero, output);
        (code, output) = await KubectlAsync("rollout", "status", "deployment/web", "-n", ns, "--timeout=60s");
        Assert.That(code, Is.Zero, output);
        replicaSets = await ReplicaSetsAsync(ns);
        var revived = replicaSets.Single(rs => rs.Metadata!.Name == first.Metadata.Name);
        Assert.Multiple(() =>
        {
            Assert.That(replicaSets, Has.Count.EqualTo(2), "no third ReplicaSet for a template seen before");
            Assert.That(revived.Spec!.Replicas, Is.EqualTo(3));
            Assert.That(revived.Metadata!.Annotations![DeploymentController.RevisionAnnotation], Is.EqualTo("3"));
        });
    }

    [Test]
    public async Task Recreate_replaces_all_pods_and_completes()
    {
        var ns = await CreateNamespaceAsync();
        await using var node = await HollowNode.StartAsync(Client, ns);
        var deployments = Client.Resource<Deployment>();
        var created = NewDeployment(ns, "batch", 2, "batch:a");
        created.Spec!.Strategy = new DeploymentStrategy { Type = "Recreate" };
        await deployments.CreateAsync(created);
        var (code, output) = await KubectlAsync("rollout", "status", "deployment/batch", "-n", ns, "--timeout=60s");
        Assert.That(code, Is.Zero, output);

        var deployment = await deployments.GetAsync("batch", ns);
        deployment.Spec!.Template!.Spec!.Containers![0].Image = "batch:b";
        await deployments.UpdateAsync(deployment);
        (code, output) = await KubectlAsync("rollout", "status", "deployment/batch", "-n", ns, "--timeout=60s");
        Assert.That(code, Is.Zero, output);
        var pods = await PodsAsync(ns);
        Assert.That(pods.Select(p => p.Spec!.Containers![0].Image), Is.EqualTo(new[] { "batch:b", "batch:b" }));
    }

    [Test]
    public async Task Deleting_a_deployment_deletes_its_replica_sets_and_pods()
    {
        var ns = await CreateNamespaceAsync();
        await Client.Resource<Deployment>().CreateAsync(NewDeployment(ns, "gone", 2, "gone:a"));
        await UntilAsync(async () => (await PodsAsync(ns)).Count == 2, "two pods");

        var (code, output) = await KubectlAsync("delete", "deployment/gone", "-n", ns);
        Assert.That(code, Is.Zero, output);
        await UntilAsync(async () => (await ReplicaSetsAsync(ns)).Count == 0, "the ReplicaSet deleted");
        await UntilAsync(async () => (await PodsAsync(ns)).Count == 0, "the pods deleted");
    }

    [Test]
    public async Task Deleting_in_the_foreground_removes_pods_and_replica_sets_before_the_deployment()
    {
        var ns = await CreateNamespaceAsync();
        await Client.Resource<Deployment>().CreateAsync(NewDeployment(ns, "fg", 2, "fg:a"));
        await UntilAsync(async () => (await PodsAsync(ns)).Count == 2, "two pods");

        // kubectl waits until the Deployment itself is gone, which the foregroundDeletion finalizer delays until its dependents are.
        var (code, output) = await KubectlAsync("delete", "deployment/fg", "-n", ns, "--cascade=foreground", "--timeout=60s");
        Assert.That(code, Is.Zero, output);
        Assert.That(await Client.Resource<Deployment>().ListAsync(ns), Has.Property("Items").Empty);
        Assert.That(await ReplicaSetsAsync(ns), Is.Empty);
        Assert.That((await Client.Resource<Api.Core.V1.Pod>().ListAsync(ns)).Items, Is.Empty);
    }

    [Test]
    public async Task Deleting_with_cascade_orphan_leaves_replica_sets_and_pods_without_an_owner()
    {
        var ns = await CreateNamespaceAsync();
        await Client.Resource<Deployment>().CreateAsync(NewDeployment(ns, "kept", 2, "kept:a"));
        await UntilAsync(async () => (await PodsAsync(ns)).Count == 2, "two pods");

        var (code, output) = await KubectlAsync("delete", "deployment/kept", "-n", ns, "--cascade=orphan");
        Assert.That(code, Is.Zero, output);
        await UntilAsync(async () => (await Client.Resource<Deployment>().ListAsync(ns)).Items.Count == 0, "the Deployment deleted");
        var replicaSet = (await ReplicaSetsAsync(ns)).Single();
        Assert.That(replicaSet.Metadata!.OwnerReferences, Is.Null.Or.Empty);
        Assert.That(await PodsAsync(ns), Has.Count.EqualTo(2), "the pods stay, still owned by their ReplicaSet");
    }
}
