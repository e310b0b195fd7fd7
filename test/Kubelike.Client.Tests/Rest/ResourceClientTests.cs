using System.Text.Json.Nodes;
using Kubelike.Api.Apps.V1;
using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Client.Rest;
using Kubelike.Client.Tests.Support;

namespace Kubelike.Client.Tests.Rest;

/// <summary>The REST verbs, typed and raw, against a real server.</summary>
public sealed class ResourceClientTests : ClusterFixture
{
    [Test]
    public async Task A_ConfigMap_round_trips_through_create_get_update_patch_and_delete()
    {
        var ns = await CreateNamespaceAsync();
        var configMaps = Client.Resource<ConfigMap>();

        var created = await configMaps.CreateAsync(NewConfigMap(ns, "settings", new Dictionary<string, string> { ["a"] = "1" }));
        var read = await configMaps.GetAsync("settings", ns);
        read.Data!["a"] = "2";
        var updated = await configMaps.UpdateAsync(read);
        var patched = await configMaps.PatchAsync("settings", Patch.Merge(new JsonObject { ["data"] = new JsonObject { ["b"] = "3" } }), ns);
        var deleted = await configMaps.DeleteAsync("settings", ns);
        var afterDelete = Assert.ThrowsAsync<KubernetesApiException>(async () => await configMaps.GetAsync("settings", ns));

        Assert.Multiple(() =>
        {
            Assert.That(created.Metadata?.Uid, Is.Not.Empty);
            Assert.That(created.Kind, Is.EqualTo("ConfigMap"));
            Assert.That(read.Metadata?.ResourceVersion, Is.EqualTo(created.Metadata?.ResourceVersion));
            Assert.That(updated.Data, Is.EquivalentTo(new Dictionary<string, string> { ["a"] = "2" }));
            Assert.That(long.Parse(updated.Metadata!.ResourceVersion!, System.Globalization.CultureInfo.InvariantCulture),
                Is.GreaterThan(long.Parse(created.Metadata!.ResourceVersion!, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(patched.Data, Is.EquivalentTo(new Dictionary<string, string> { ["a"] = "2", ["b"] = "3" }));
            Assert.That(deleted, Is.Null, "a ConfigMap delete answers with a Status");
            Assert.That(afterDelete!.IsNotFound, Is.True);
        });
    }

    [Test]
    public async Task A_Deployment_round_trips_with_server_defaults_and_a_status_update()
    {
        var ns = await CreateNamespaceAsync();
        var deployments = Client.Resource<Deployment>();

        var created = await deployments.CreateAsync(NewDeployment(ns, "web"), new WriteParameters { FieldManager = "client-tests" });
        created.Spec!.Replicas = 3;
        var scaled = await deployments.UpdateAsync(created);
        scaled.Status = new DeploymentStatus { ObservedGeneration = scaled.Metadata!.Generation, Replicas = 3 };
        var withStatus = await deployments.UpdateStatusAsync(scaled);
        var listed = await deployments.ListAsync(ns, new ListParameters { LabelSelector = "app=web" });
        await deployments.DeleteAsync("web", ns, new DeleteOptions { PropagationPolicy = "Background" });
        var gone = Assert.ThrowsAsync<KubernetesApiException>(async () => await deployments.GetAsync("web", ns));

        Assert.Multiple(() =>
        {
            Assert.That(created.Spec.Strategy?.Type, Is.EqualTo("RollingUpdate"), "defaulted by the server");
            Assert.That(scaled.Spec?.Replicas, Is.EqualTo(3));
            Assert.That(scaled.Metadata?.Generation, Is.EqualTo(2));
            Assert.That(withStatus.Status?.Replicas, Is.EqualTo(3));
            Assert.That(withStatus.Status?.ObservedGeneration, Is.EqualTo(2));
            Assert.That(listed.Items.Select(d => d.Metadata?.Name), Is.EqualTo(new[] { "web" }));
            Assert.That(listed.Kind, Is.EqualTo("DeploymentList"));
            Assert.That(gone!.IsNotFound, Is.True);
        });
    }

    [Test]
    public async Task Raw_objects_work_by_resource_description()
    {
        var ns = await CreateNamespaceAsync();
        var configMaps = Client.Resource(new ApiResource("", "v1", "configmaps", "ConfigMap", Namespaced: true));
        var obj = new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = "raw", ["namespace"] = ns },
            ["data"] = new JsonObject { ["x"] = "y" },
        };

        var created = await configMaps.CreateAsync(obj);
        var read = await configMaps.GetAsync("raw", ns);
        var all = await configMaps.ListAsync(ns);

        Assert.Multiple(() =>
        {
            Assert.That((string?)created["kind"], Is.EqualTo("ConfigMap"));
            Assert.That((string?)read["data"]?["x"], Is.EqualTo("y"));
            Assert.That(ObjectAccessor.GetUid(read), Is.EqualTo(ObjectAccessor.GetUid(created)));
            Assert.That(all.Items.Select(ObjectAccessor.GetName), Is.EqualTo(new[] { "raw" }));
        });
    }

    [Test]
    public async Task Errors_are_typed_exceptions_carrying_the_Status()
    {
        var ns = await CreateNamespaceAsync();
        var configMaps = Client.Resource<ConfigMap>();
        var first = await configMaps.CreateAsync(NewConfigMap(ns, "taken"));
        // A real change, so that `first` is stale (an update that changes nothing keeps the resourceVersion).
        var changed = await configMaps.GetAsync("taken", ns);
        changed.Data = new Dictionary<string, string> { ["changed"] = "yes" };
        await configMaps.UpdateAsync(changed);

        var notFound = Assert.ThrowsAsync<KubernetesApiException>(async () => await configMaps.GetAsync("missing", ns));
        var exists = Assert.ThrowsAsync<KubernetesApiException>(async () => await configMaps.CreateAsync(NewConfigMap(ns, "taken")));
        var conflict = Assert.ThrowsAsync<KubernetesApiException>(async () => await configMaps.UpdateAsync(first));
        var invalid = Assert.ThrowsAsync<KubernetesApiException>(async () => await configMaps.CreateAsync(NewConfigMap(ns, "Not_A_Name")));
        var wrongUid = Assert.ThrowsAsync<KubernetesApiException>(async () => await configMaps.DeleteAsync(
            "taken", ns, new DeleteOptions { Preconditions = new Preconditions { Uid = "00000000-0000-0000-0000-000000000000" } }));

        Assert.Multiple(() =>
        {
            Assert.That(notFound!.IsNotFound, Is.True);
            Assert.That(notFound.Code, Is.EqualTo(404));
            Assert.That(notFound.Details?.Name, Is.EqualTo("missing"));
            Assert.That(notFound.Message, Does.Contain("\"missing\" not found"));
            Assert.That(exists!.IsAlreadyExists, Is.True);
            Assert.That(exists.IsConflict, Is.False);
            Assert.That(exists.Code, Is.EqualTo(409));
            Assert.That(conflict!.IsConflict, Is.True);
            Assert.That(conflict.Reason, Is.EqualTo(StatusReasons.Conflict));
            Assert.That(invalid!.IsInvalid, Is.True);
            Assert.That(invalid.Code, Is.EqualTo(422));
            Assert.That(invalid.Details?.Causes?.Select(c => c.Field), Does.Contain("metadata.name"));
            Assert.That(wrongUid!.Code, Is.EqualTo(409));
        });
    }

    [Test]
    public async Task Lists_page_with_limit_and_continue()
    {
        var ns = await CreateNamespaceAsync();
        var configMaps = Client.Resource<ConfigMap>();
        var labels = new Dictionary<string, string> { ["set"] = "paging" };
        await Parallel.ForEachAsync(Enumerable.Range(0, 250), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, token) =>
            await configMaps.CreateAsync(NewConfigMap(ns, $"cm-{i:D3}", labels: labels), cancellationToken: token));
        await configMaps.CreateAsync(NewConfigMap(ns, "unlabelled"));

        var first = await configMaps.ListAsync(ns, new ListParameters { Limit = 100, LabelSelector = "set=paging" });
        var second = await configMaps.ListAsync(ns, new ListParameters { Limit = 100, LabelSelector = "set=paging", Continue = first.Continue });
        var third = await configMaps.ListAsync(ns, new ListParameters { Limit = 100, LabelSelector = "set=paging", Continue = second.Continue });
        var all = new List<string>();
        await foreach (var item in configMaps.ListAllAsync(ns, new ListParameters { Limit = 100, LabelSelector = "set=paging" }))
            all.Add(item.Metadata!.Name!);
        var byName = await configMaps.ListAsync(ns, new ListParameters { FieldSelector = "metadata.name=cm-042" });

        Assert.Multiple(() =>
        {
            Assert.That(first.Items, Has.Count.EqualTo(100));
            Assert.That(first.Continue, Is.Not.Null);
            Assert.That(second.Items, Has.Count.EqualTo(100));
            Assert.That(third.Items, Has.Count.EqualTo(50));
            Assert.That(third.Continue, Is.Null);
            Assert.That(all, Has.Count.EqualTo(250));
            Assert.That(all, Is.Unique);
            Assert.That(all, Does.Not.Contain("unlabelled"));
            Assert.That(byName.Items.Select(c => c.Metadata?.Name), Is.EqualTo(new[] { "cm-042" }));
        });
    }

    [Test]
    public async Task Delete_collection_removes_what_the_selector_matches()
    {
        var ns = await CreateNamespaceAsync();
        var configMaps = Client.Resource<ConfigMap>();
        for (var i = 0; i < 5; i++)
            await configMaps.CreateAsync(NewConfigMap(ns, $"doomed-{i}", labels: new Dictionary<string, string> { ["fate"] = "doomed" }));
        await configMaps.CreateAsync(NewConfigMap(ns, "kept"));

        await configMaps.DeleteCollectionAsync(ns, new ListParameters { LabelSelector = "fate=doomed" });
        var left = await configMaps.ListAsync(ns);

        Assert.That(left.Items.Select(c => c.Metadata?.Name), Is.EqualTo(new[] { "kept" }));
    }

    [Test]
    public async Task A_dry_run_create_stores_nothing()
    {
        var ns = await CreateNamespaceAsync();
        var configMaps = Client.Resource<ConfigMap>();

        var answer = await configMaps.CreateAsync(NewConfigMap(ns, "dry"), new WriteParameters { DryRun = true });
        var error = Assert.ThrowsAsync<KubernetesApiException>(async () => await configMaps.GetAsync("dry", ns));

        Assert.Multiple(() =>
        {
            Assert.That(answer.Metadata?.Name, Is.EqualTo("dry"));
            Assert.That(error!.IsNotFound, Is.True);
        });
    }

    internal static Deployment NewDeployment(string ns, string name) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = ns, Labels = new Dictionary<string, string> { ["app"] = name } },
        Spec = new DeploymentSpec
        {
            Replicas = 1,
            Selector = new LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } },
            Template = new PodTemplateSpec
            {
                Metadata = new ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = name } },
                Spec = new PodSpec { Containers = [new Container { Name = "main", Image = "busybox:1.36" }] },
            },
        },
    };
}
