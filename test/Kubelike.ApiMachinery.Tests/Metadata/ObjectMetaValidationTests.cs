using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Errors;
using Kubelike.ApiMachinery.Metadata;
using Kubelike.ApiMachinery.Registry;

namespace Kubelike.ApiMachinery.Tests.Metadata;

public class ObjectMetaValidationTests
{
    private static ResourceDefinition Resource(string group, string plural) => ResourceRegistry.BuiltIn.Find(group, "v1", plural)!;

    private static List<string> Validate(string json, string group, string plural) =>
        [.. ObjectMetaValidation.Validate((JsonObject)JsonNode.Parse(json)!, Resource(group, plural)).Select(e => e.ToString())];

    [Test]
    public void A_valid_object_has_no_errors()
    {
        Assert.That(Validate("""{"metadata":{"name":"web","namespace":"default","labels":{"app":"web","example.com/tier":""},"annotations":{"Example.com/Note":"x"},"finalizers":["example.com/f"]}}""", "apps", "deployments"), Is.Empty);
        Assert.That(Validate("""{"metadata":{"generateName":"web-","namespace":"default"}}""", "", "pods"), Is.EqualTo(new[] { "metadata.name: Required value: name or generateName is required" }));
    }

    [Test]
    public void Names_follow_the_kinds_rule()
    {
        Assert.That(Validate("""{"metadata":{"name":"a.b"}}""", "", "namespaces"), Is.EqualTo(new[] { "metadata.name: Invalid value: \"a.b\": must not contain dots" }));
        Assert.That(Validate("""{"metadata":{"name":"1svc","namespace":"d"}}""", "", "services"), Has.Count.EqualTo(1).And.Some.StartsWith("metadata.name: Invalid value: \"1svc\": a DNS-1035 label"));
        Assert.That(Validate("""{"metadata":{"name":"system:admin"}}""", "rbac.authorization.k8s.io", "clusterroles"), Is.Empty);
        Assert.That(Validate("""{"metadata":{"name":"a/b"}}""", "rbac.authorization.k8s.io", "clusterroles"), Is.EqualTo(new[] { "metadata.name: Invalid value: \"a/b\": may not contain '/'" }));
        Assert.That(Validate("""{"metadata":{"name":"x","namespace":"d","generateName":"Bad-"}}""", "", "configmaps"), Has.Count.EqualTo(1).And.Some.StartsWith("metadata.generateName: Invalid value: \"Bad-\""));
    }

    [Test]
    public void Namespace_is_required_on_namespaced_kinds_and_forbidden_on_others()
    {
        Assert.That(Validate("""{"metadata":{"name":"c"}}""", "", "configmaps"), Is.EqualTo(new[] { "metadata.namespace: Required value" }));
        Assert.That(Validate("""{"metadata":{"name":"n","namespace":"d"}}""", "", "nodes"), Is.EqualTo(new[] { "metadata.namespace: Forbidden: not allowed on this type" }));
        Assert.That(Validate("""{"metadata":{"name":"c","namespace":"Bad"}}""", "", "configmaps"), Has.Count.EqualTo(1).And.Some.StartsWith("metadata.namespace: Invalid value: \"Bad\": a lowercase RFC 1123 label"));
    }

    [Test]
    public void Labels_annotations_and_finalizers()
    {
        var errors = Validate("""{"metadata":{"name":"c","namespace":"d","labels":{"-bad":"ok","ok":"-bad"},"annotations":{"a/b/c":"x"},"finalizers":["orphan","foregroundDeletion"]}}""", "", "configmaps");
        Assert.That(errors, Has.Count.EqualTo(4));
        Assert.That(errors[0], Does.StartWith("metadata.labels: Invalid value: \"-bad\": name part must consist of"));
        Assert.That(errors[1], Does.StartWith("metadata.labels: Invalid value: \"-bad\": a valid label must be an empty string"));
        Assert.That(errors[2], Does.StartWith("metadata.annotations: Invalid value: \"a/b/c\": a qualified name must consist of"));
        Assert.That(errors[3], Is.EqualTo("metadata.finalizers: Invalid value: []string{\"orphan\", \"foregroundDeletion\"}: finalizer orphan and foregroundDeletion cannot be both set"));
    }

    [Test]
    public void Annotations_may_not_exceed_256_KiB()
    {
        var small = new Dictionary<string, string> { ["a"] = new string('x', 262143) };
        Assert.That(ObjectMetaValidation.ValidateAnnotations(small), Is.Empty);
        var large = new Dictionary<string, string> { ["a"] = new string('x', 262144) };
        Assert.That(ObjectMetaValidation.ValidateAnnotations(large).Select(e => e.ToString()),
            Is.EqualTo(new[] { "metadata.annotations: Too long: may not be more than 262144 bytes" }));
    }

    [Test]
    public void Owner_references()
    {
        var refs = new[]
        {
            new OwnerReference("apps/v1", "ReplicaSet", "a", "1", true),
            new OwnerReference("apps/v1", "ReplicaSet", "b", "2", true),
            new OwnerReference("apps/", "", "", ""),
        };
        var errors = ObjectMetaValidation.ValidateOwnerReferences(refs).Select(e => e.ToString()).ToList();
        Assert.That(errors, Does.Contain("metadata.ownerReferences: Invalid value: Only one reference can have Controller set to true. Found \"true\" in references for ReplicaSet/a and ReplicaSet/b"));
        Assert.That(errors, Does.Contain("metadata.ownerReferences.apiVersion: Invalid value: \"apps/\": version must not be empty"));
        Assert.That(errors, Does.Contain("metadata.ownerReferences.kind: Invalid value: \"\": kind must not be empty"));
        Assert.That(errors, Does.Contain("metadata.ownerReferences.uid: Invalid value: \"\": uid must not be empty"));
    }

    [Test]
    public void Updates_keep_identity_fields()
    {
        var old = (JsonObject)JsonNode.Parse("""{"metadata":{"name":"c","namespace":"d","uid":"u1","resourceVersion":"5","generation":2,"creationTimestamp":"2026-01-01T00:00:00Z","deletionTimestamp":"2026-01-02T00:00:00Z","finalizers":["a/b"]}}""")!;
        var changed = (JsonObject)JsonNode.Parse("""{"metadata":{"name":"c2","namespace":"d","uid":"u2","generation":1,"creationTimestamp":"2026-01-01T00:00:00Z","deletionTimestamp":"2026-01-02T00:00:00Z","finalizers":["a/b","c/d"]}}""")!;
        var errors = ObjectMetaValidation.ValidateUpdate(changed, old).Select(e => e.ToString()).ToList();
        Assert.That(errors, Is.EqualTo(new[]
        {
            "metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{\"c/d\"}",
            "metadata.resourceVersion: Invalid value: \"\": must be specified for an update",
            "metadata.generation: Invalid value: 1: must not be decremented",
            "metadata.name: Invalid value: \"c2\": field is immutable",
            "metadata.uid: Invalid value: \"u2\": field is immutable",
        }));
        var same = (JsonObject)old.DeepClone();
        Assert.That(ObjectMetaValidation.ValidateUpdate(same, old), Is.Empty);
    }

    [Test]
    public void Errors_turn_into_an_invalid_status()
    {
        var errors = ObjectMetaValidation.Validate((JsonObject)JsonNode.Parse("""{"metadata":{"name":"Bad","namespace":"d"}}""")!, Resource("apps", "deployments"));
        var e = ApiException.Invalid(Resource("apps", "deployments"), "Bad", errors);
        Assert.That(e.Message, Does.StartWith("Deployment.apps \"Bad\" is invalid: metadata.name: Invalid value: \"Bad\": a lowercase RFC 1123 subdomain"));
    }
}
