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

    private static DeploymentCondition Condition(Deployment deployment, string type) => deployment.Status!.Conditions!.Single(c => c.Type == type);

    /// <summary>Waits until the controller has seen the Deployment's latest spec (kubectl's own test of that).</summary>
    private async Task<Deployment> ObservedAsync(string ns, string name) =>
        await Poll.UntilAsync(async () =>
        {
            var deployment = await Client.Resource<Deployment>().GetAsync(name, ns);
            return deployment.Status?.ObservedGeneration >= deployment.Metadata!.Generation ? deployment : null;
        }, $"deployment {name} observed", Timeout);

    [Test]
    public async Task A_rollout_interrupted_by_a_second_change_scales_the_middle_replica_set_down_and_completes_the_newest()
    {
        var ns = await CreateNamespaceAsync();
        await using var node = await HollowNode.StartAsync(Client, ns);
        await Client.Resource<Deployment>().CreateAsync(NewDeployment(ns, "web", 3, "web:a"));
        var (code, output) = await KubectlAsync("rollout", "status", "deployment/web", "-n", ns, "--timeout=60s");
        Assert.That(code, Is.Zero, output);
        var first = (await ReplicaSetsAsync(ns)).Single().Metadata!.Name!;

        // The second template's pods never become ready, so its rollout stops after the one surge pod.
        await ModifyAsync<Deployment>("web", ns, d =>
        {
            d.Spec!.Template!.Spec!.Containers![0].Image = "web:b";
            d.Spec.Template.Metadata!.Annotations = new Dictionary<string, string> { [Kubelike.Node.Hollow.HollowNodeOptions.ReadyAnnotation] = "false" };
        });
        var middle = await Poll.UntilAsync(async () => (await ReplicaSetsAsync(ns)).FirstOrDefault(rs => rs.Metadata!.Name != first && rs.Status?.Replicas == 1),
            "the second ReplicaSet running its one pod", Timeout);

        await ModifyAsync<Deployment>("web", ns, d =>
        {
            d.Spec!.Template!.Spec!.Containers![0].Image = "web:c";
            d.Spec.Template.Metadata!.Annotations = null;
        });
        (code, output) = await KubectlAsync("rollout", "status", "deployment/web", "-n", ns, "--timeout=60s");
        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Contain("successfully rolled out"));

        var replicaSets = (await ReplicaSetsAsync(ns)).ToDictionary(rs => rs.Metadata!.Name!);
        var newest = replicaSets.Values.Single(rs => rs.Metadata!.Name != first && rs.Metadata.Name != middle.Metadata!.Name);
        await UntilAsync(async () => (await PodsAsync(ns)).Count == 3, "only the three new pods left");
        var deployment = await Client.Resource<Deployment>().GetAsync("web", ns);
        Assert.Multiple(() =>
        {
            Assert.That(replicaSets[first].Spec!.Replicas, Is.Zero, "the first ReplicaSet is scaled down");
            Assert.That(replicaSets[middle.Metadata!.Name!].Spec!.Replicas, Is.Zero, "the interrupted ReplicaSet is scaled down");
            Assert.That(newest.Spec!.Replicas, Is.EqualTo(3));
            Assert.That(newest.Metadata!.Annotations![DeploymentController.RevisionAnnotation], Is.EqualTo("3"));
            Assert.That(middle.Metadata!.Annotations![DeploymentController.RevisionAnnotation], Is.EqualTo("2"));
            Assert.That(Condition(deployment, "Progressing").Reason, Is.EqualTo("NewReplicaSetAvailable"));
            Assert.That(Condition(deployment, "Progressing").Message, Is.EqualTo($"ReplicaSet \"{newest.Metadata.Name}\" has successfully progressed."));
        });
        Assert.That((await PodsAsync(ns)).Select(p => p.Spec!.Containers![0].Image), Has.All.EqualTo("web:c"));
    }

    [Test]
    public async Task A_paused_deployment_scales_but_does_not_roll_out_until_resumed()
    {
        var ns = await CreateNamespaceAsync();
        await using var node = await HollowNode.StartAsync(Client, ns);
        await Client.Resource<Deployment>().CreateAsync(NewDeployment(ns, "paused", 2, "paused:a"));
        var (code, output) = await KubectlAsync("rollout", "status", "deployment/paused", "-n", ns, "--timeout=60s");
        Assert.That(code, Is.Zero, output);

        (code, output) = await KubectlAsync("rollout", "pause", "deployment/paused", "-n", ns);
        Assert.That(code, Is.Zero, output);
        (code, output) = await KubectlAsync("set", "image", "deployment/paused", "main=paused:b", "-n", ns);
        Assert.That(code, Is.Zero, output);
        (code, output) = await KubectlAsync("scale", "deployment/paused", "--replicas=3", "-n", ns);
        Assert.That(code, Is.Zero, output);
        var deployment = await ObservedAsync(ns, "paused");
        Assert.That(Condition(deployment, "Progressing"), Has.Property("Status").EqualTo("Unknown").And.Property("Reason").EqualTo("DeploymentPaused")
            .And.Property("Message").EqualTo("Deployment is paused"));
        await UntilAsync(async () => (await PodsAsync(ns)).Count(p => p.Status?.Phase == "Running") == 3, "three running pods");
        Assert.That(await ReplicaSetsAsync(ns), Has.Count.EqualTo(1), "no ReplicaSet for the new template while paused");
        Assert.That((await PodsAsync(ns)).Select(p => p.Spec!.Containers![0].Image), Has.All.EqualTo("paused:a"));

        (code, output) = await KubectlAsync("rollout", "resume", "deployment/paused", "-n", ns);
        Assert.That(code, Is.Zero, output);
        (code, output) = await KubectlAsync("rollout", "status", "deployment/paused", "-n", ns, "--timeout=60s");
        Assert.That(code, Is.Zero, output);
        await UntilAsync(async () => (await PodsAsync(ns)).Count == 3, "three pods left");
        Assert.That((await PodsAsync(ns)).Select(p => p.Spec!.Containers![0].Image), Has.All.EqualTo("paused:b"));
        deployment = await Client.Resource<Deployment>().GetAsync("paused", ns);
        Assert.That(Condition(deployment, "Progressing").Reason, Is.EqualTo("NewReplicaSetAvailable"));
    }

    [Test]
    public async Task Kubectl_scale_up_and_down_follows_with_pods()
    {
        var ns = await CreateNamespaceAsync();
        await using var node = await HollowNode.StartAsync(Client, ns);
        await Client.Resource<Deployment>().CreateAsync(NewDeployment(ns, "sized", 2, "sized:a"));
        var (code, output) = await KubectlAsync("rollout", "status", "deployment/sized", "-n", ns, "--timeout=60s");
        Assert.That(code, Is.Zero, output);

        (code, output) = await KubectlAsync("scale", "deployment/sized", "--replicas=5", "-n", ns);
        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Contain("deployment.apps/sized scaled"));
        (code, output) = await KubectlAsync("rollout", "status", "deployment/sized", "-n", ns, "--timeout=60s");
        Assert.That(code, Is.Zero, output);
        Assert.That((await PodsAsync(ns)).Count(p => p.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true), Is.EqualTo(5));

        (code, output) = await KubectlAsync("scale", "deployment/sized", "--replicas=1", "-n", ns);
        Assert.That(code, Is.Zero, output);
        await UntilAsync(async () => (await PodsAsync(ns)).Count == 1, "one pod left");
        (code, output) = await KubectlAsync("wait", "deployment/sized", "-n", ns, "--for=jsonpath={.status.availableReplicas}=1", "--timeout=60s");
        Assert.That(code, Is.Zero, output);
        Assert.That((await ReplicaSetsAsync(ns)).Single().Spec!.Replicas, Is.EqualTo(1), "scaling is no new revision");
    }

    [Test]
    public async Task Rollout_history_lists_revisions_with_their_change_cause()
    {
        var ns = await CreateNamespaceAsync();
        await using var node = await HollowNode.StartAsync(Client, ns);
        var created = NewDeployment(ns, "hist", 1, "hist:a");
        created.Metadata!.Annotations = new Dictionary<string, string> { ["kubernetes.io/change-cause"] = "first release" };
        await Client.Resource<Deployment>().CreateAsync(created);
        var (code, output) = await KubectlAsync("rollout", "status", "deployment/hist", "-n", ns, "--timeout=60s");
        Assert.That(code, Is.Zero, output);

        // The change-cause written after the template change still lands on the new revision.
        (code, output) = await KubectlAsync("set", "image", "deployment/hist", "main=hist:b", "-n", ns);
        Assert.That(code, Is.Zero, output);
        (code, output) = await KubectlAsync("annotate", "deployment/hist", "kubernetes.io/change-cause=image hist:b", "--overwrite", "-n", ns);
        Assert.That(code, Is.Zero, output);
        (code, output) = await KubectlAsync("rollout", "status", "deployment/hist", "-n", ns, "--timeout=60s");
        Assert.That(code, Is.Zero, output);
        await UntilAsync(async () => (await ReplicaSetsAsync(ns)).Any(rs => rs.Metadata!.Annotations?.TryGetValue("kubernetes.io/change-cause", out var cause) == true && cause == "image hist:b"),
            "the change-cause copied to the new ReplicaSet");

        Assert.That(await HistoryRowsAsync(ns, "deployment/hist"), Is.EqualTo(new[] { "REVISION CHANGE-CAUSE", "1 first release", "2 image hist:b" }));

        (code, output) = await KubectlAsync("rollout", "history", "deployment/hist", "-n", ns, "--revision=1");
        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Contain("hist:a").And.Contain("first release").And.Not.Contain("hist:b"));

        (code, output) = await KubectlAsync("rollout", "undo", "deployment/hist", "-n", ns, "--to-revision=1");
        Assert.That(code, Is.Zero, output);
        (code, output) = await KubectlAsync("rollout", "status", "deployment/hist", "-n", ns, "--timeout=60s");
        Assert.That(code, Is.Zero, output);
        Assert.That(await HistoryRowsAsync(ns, "deployment/hist"), Is.EqualTo(new[] { "REVISION CHANGE-CAUSE", "2 image hist:b", "3 first release" }), "the first template is revision 3 now");
    }

    [Test]
    public async Task A_rollout_whose_pods_never_become_ready_exceeds_its_progress_deadline()
    {
        var ns = await CreateNamespaceAsync();
        await using var node = await HollowNode.StartAsync(Client, ns);
        var created = NewDeployment(ns, "stuck", 1, "stuck:a");
        created.Spec!.ProgressDeadlineSeconds = 2;
        created.Spec.Template!.Metadata!.Annotations = new Dictionary<string, string> { [Kubelike.Node.Hollow.HollowNodeOptions.ReadyAnnotation] = "false" };
        await Client.Resource<Deployment>().CreateAsync(created);

        var (code, output) = await KubectlAsync("rollout", "status", "deployment/stuck", "-n", ns, "--timeout=60s");
        Assert.That(code, Is.Not.Zero, output);
        Assert.That(output, Does.Contain("error: deployment \"stuck\" exceeded its progress deadline"));
        var deployment = await Client.Resource<Deployment>().GetAsync("stuck", ns);
        var replicaSet = (await ReplicaSetsAsync(ns)).Single().Metadata!.Name;
        Assert.Multiple(() =>
        {
            Assert.That(Condition(deployment, "Progressing"), Has.Property("Status").EqualTo("False").And.Property("Reason").EqualTo("ProgressDeadlineExceeded")
                .And.Property("Message").EqualTo($"ReplicaSet \"{replicaSet}\" has timed out progressing."));
            Assert.That(Condition(deployment, "Available"), Has.Property("Status").EqualTo("False").And.Property("Reason").EqualTo("MinimumReplicasUnavailable")
                .And.Property("Message").EqualTo("Deployment does not have minimum availability."));
        });

        // A template whose pods become ready (and a deadline a busy machine meets) makes progress again: the rollout completes.
        await ModifyAsync<Deployment>("stuck", ns, d =>
        {
            d.Spec!.Template!.Metadata!.Annotations = null;
            d.Spec.ProgressDeadlineSeconds = 600;
        });
        (code, output) = await KubectlAsync("rollout", "status", "deployment/stuck", "-n", ns, "--timeout=60s");
        Assert.That(code, Is.Zero, output);
        deployment = await Client.Resource<Deployment>().GetAsync("stuck", ns);
        Assert.Multiple(() =>
        {
            Assert.That(Condition(deployment, "Progressing"), Has.Property("Status").EqualTo("True").And.Property("Reason").EqualTo("NewReplicaSetAvailable"));
            Assert.That(Condition(deployment, "Available"), Has.Property("Status").EqualTo("True").And.Property("Reason").EqualTo("MinimumReplicasAvailable"));
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
