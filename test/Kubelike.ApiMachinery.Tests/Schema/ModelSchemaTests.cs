using Kubelike.Api.Apps.V1;
using Kubelike.Api.Core.V1;
using Kubelike.ApiMachinery.Schema;

namespace Kubelike.ApiMachinery.Tests.Schema;

public sealed class ModelSchemaTests
{
    [Test]
    public void Walk_follows_a_json_path_through_objects_and_lists()
    {
        var containers = ModelSchema.Walk(typeof(Deployment), "spec.template.spec.containers");
        Assert.That(containers, Is.Not.Null);
        Assert.That((containers!.PatchStrategy, containers.PatchMergeKey, containers.ListType), Is.EqualTo(("merge", "name", "map")));
        Assert.That(containers.Value.Shape, Is.EqualTo(ModelShape.List));
        Assert.That(containers.Value.Item!.ClrType, Is.EqualTo(typeof(Container)));

        var ports = ModelSchema.Walk(typeof(Deployment), "spec.template.spec.containers.ports");
        Assert.That((ports!.PatchMergeKey, ports.ListMapKeys), Is.EqualTo(("containerPort", new[] { "containerPort", "protocol" })));
        Assert.That(ModelSchema.Walk(typeof(Deployment), "spec.nope"), Is.Null);
    }

    [Test]
    public void Fields_carry_every_patch_strategy_and_inherited_fields_count()
    {
        var volumes = ModelSchema.Walk(typeof(Pod), "spec.volumes");
        Assert.That(volumes!.PatchStrategies, Is.EqualTo(new[] { "merge", "retainKeys" }));
        // Volume embeds VolumeSource inline: its fields are the volume's own.
        Assert.That(volumes.Value.Item!.Fields!.Find("configMap"), Is.Not.Null);
        Assert.That(ModelSchema.Walk(typeof(Deployment), "spec.strategy")!.PatchStrategies, Is.EqualTo(new[] { "retainKeys" }));
        Assert.That(ModelSchema.Walk(typeof(Pod), "spec.tolerations")!.PatchStrategy, Is.Null);
    }

    [Test]
    public void Maps_and_raw_json_have_their_own_shapes()
    {
        var labels = ModelSchema.Walk(typeof(Pod), "metadata.labels")!;
        Assert.That((labels.Value.Shape, labels.Value.Item!.Shape), Is.EqualTo((ModelShape.Map, ModelShape.Scalar)));
        Assert.That(ModelSchema.Walk(typeof(Pod), "metadata.managedFields.fieldsV1")!.Value.Shape, Is.EqualTo(ModelShape.Raw));
        Assert.That(ModelSchema.Walk(typeof(Pod), "spec.containers.resources.limits")!.Value.Item!.Shape, Is.EqualTo(ModelShape.Scalar));
    }
}
