using System.Text.Json;
using Kubelike.Api.Apps.V1;
using Kubelike.Api.Core.V1;

namespace Kubelike.Api.Tests;

public class StrictModeTests
{
    private const string WithUnknownField = """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},
         "spec":{"replicas":2,"foo":true,"selector":{"matchLabels":{"app":"web"}}}}
        """;

    [Test]
    public void StrictRejectsAnUnknownFieldNamingIt()
    {
        var ex = Assert.Throws<JsonException>(() => KubernetesJson.Deserialize<Deployment>(WithUnknownField, strict: true));

        Assert.That(ex!.Message, Does.Contain("foo"));
        Assert.That(KubernetesJson.FieldPath(ex), Is.EqualTo("spec.foo"));
    }

    [Test]
    public void StrictRejectsUnknownFieldsInsideLists()
    {
        const string json = """{"spec":{"containers":[{"name":"a"},{"name":"b","imagee":"x"}]}}""";

        var ex = Assert.Throws<JsonException>(() => KubernetesJson.Deserialize<Pod>(json, strict: true));

        Assert.That(KubernetesJson.FieldPath(ex!), Is.EqualTo("spec.containers[1].imagee"));
    }

    [Test]
    public void LenientDropsUnknownFields()
    {
        var deployment = KubernetesJson.Deserialize<Deployment>(WithUnknownField)!;

        Assert.That(deployment.Spec!.Replicas, Is.EqualTo(2));
        Assert.That(KubernetesJson.Serialize(deployment), Does.Not.Contain("foo"));
    }

    [Test]
    public void FieldNamesAreCaseSensitive()
    {
        var lenient = KubernetesJson.Deserialize<DeploymentSpec>("""{"Replicas":2}""")!;
        Assert.That(lenient.Replicas, Is.Null);

        var ex = Assert.Throws<JsonException>(() => KubernetesJson.Deserialize<DeploymentSpec>("""{"Replicas":2}""", strict: true));
        Assert.That(KubernetesJson.FieldPath(ex!), Is.EqualTo("Replicas"));
    }

    [Test]
    public void StrictRejectsDuplicateFields()
    {
        Assert.Throws<JsonException>(() => KubernetesJson.Deserialize<DeploymentSpec>("""{"replicas":1,"replicas":2}""", strict: true));
        Assert.That(KubernetesJson.Deserialize<DeploymentSpec>("""{"replicas":1,"replicas":2}""")!.Replicas, Is.EqualTo(2));
    }

    [Test]
    public void OptionsAreFrozen()
    {
        Assert.That(KubernetesJson.Options.IsReadOnly, Is.True);
        Assert.That(KubernetesJson.Strict.IsReadOnly, Is.True);
        Assert.That(KubernetesJson.CreateOptions().IsReadOnly, Is.False);
    }
}
