using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Metadata;

namespace Kubelike.ApiMachinery.Tests.Metadata;

public class ObjectMetaTests
{
    [Test]
    public void Reads_the_metadata_of_a_json_object()
    {
        var meta = ObjectMeta.Of(JsonNode.Parse("""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"default","uid":"u1","resourceVersion":"42",
             "generation":3,"creationTimestamp":"2026-01-02T03:04:05Z","labels":{"app":"web"},"annotations":{"a":"b"},
             "finalizers":["x/y"],"ownerReferences":[{"apiVersion":"v1","kind":"Thing","name":"t","uid":"o1","controller":true}]}}
            """));
        Assert.Multiple(() =>
        {
            Assert.That(meta.ApiVersion, Is.EqualTo("apps/v1"));
            Assert.That(meta.Kind, Is.EqualTo("Deployment"));
            Assert.That(meta.Name, Is.EqualTo("web"));
            Assert.That(meta.Namespace, Is.EqualTo("default"));
            Assert.That(meta.Uid, Is.EqualTo("u1"));
            Assert.That(meta.ResourceVersion, Is.EqualTo("42"));
            Assert.That(meta.Generation, Is.EqualTo(3));
            Assert.That(meta.CreationTimestamp, Is.EqualTo(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero)));
            Assert.That(meta.DeletionTimestamp, Is.Null);
            Assert.That(meta.Labels, Is.EqualTo(new Dictionary<string, string> { ["app"] = "web" }));
            Assert.That(meta.Annotations["a"], Is.EqualTo("b"));
            Assert.That(meta.Finalizers, Is.EqualTo(new[] { "x/y" }));
            Assert.That(meta.ControllerReference, Is.EqualTo(new OwnerReference("v1", "Thing", "t", "o1", true)));
        });
    }

    [Test]
    public void Writes_create_and_remove_fields()
    {
        var obj = new JsonObject { ["kind"] = "ConfigMap" };
        var meta = new ObjectMeta(obj)
        {
            Name = "c",
            Uid = "u",
            Generation = 1,
            CreationTimestamp = new DateTimeOffset(2026, 1, 2, 4, 4, 5, 678, TimeSpan.FromHours(1)),
            Finalizers = ["kubernetes"],
            OwnerReferences = [new OwnerReference("apps/v1", "ReplicaSet", "rs", "r1", true, true)],
        };
        meta.SetLabel("app", "web");
        meta.SetAnnotation("note", "x");
        Assert.That(obj.ToJsonString(), Is.EqualTo(
            """{"kind":"ConfigMap","metadata":{"name":"c","uid":"u","generation":1,"creationTimestamp":"2026-01-02T03:04:05Z","finalizers":["kubernetes"],"ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"rs","uid":"r1","controller":true,"blockOwnerDeletion":true}],"labels":{"app":"web"},"annotations":{"note":"x"}}}"""));

        meta.SetLabel("app", null);
        meta.Finalizers = [];
        meta.Uid = null;
        meta.DeletionTimestamp = new DateTimeOffset(2026, 1, 2, 3, 4, 6, TimeSpan.Zero);
        Assert.That(obj.ToJsonString(), Is.EqualTo(
            """{"kind":"ConfigMap","metadata":{"name":"c","generation":1,"creationTimestamp":"2026-01-02T03:04:05Z","ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"rs","uid":"r1","controller":true,"blockOwnerDeletion":true}],"annotations":{"note":"x"},"deletionTimestamp":"2026-01-02T03:04:06Z"}}"""));
    }

    [Test]
    public void Absent_metadata_reads_as_empty()
    {
        var meta = new ObjectMeta([]);
        Assert.That(meta.Name, Is.Null);
        Assert.That(meta.Labels, Is.Empty);
        Assert.That(meta.Finalizers, Is.Empty);
        Assert.That(meta.OwnerReferences, Is.Empty);
        Assert.That(() => ObjectMeta.Of(JsonNode.Parse("[]")), Throws.ArgumentException);
    }

    [Test]
    public void Times_are_rfc3339_seconds_in_utc()
    {
        Assert.That(ObjectMeta.FormatTime(new DateTimeOffset(2026, 11, 22, 1, 2, 3, 999, TimeSpan.FromHours(-5))), Is.EqualTo("2026-11-22T06:02:03Z"));
    }
}
