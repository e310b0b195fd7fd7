using Kubelike.Compatibility.Tests.Harness;
using Kubelike.Compatibility.Tests.TestSupport;

namespace Kubelike.Compatibility.Tests.KubectlCommands;

/// <summary>
/// <c>kubectl create &lt;generator&gt;</c>: kubectl 1.32 and later send these as protobuf, with no JSON fallback.
/// </summary>
[TestFixture]
public sealed class KubectlGeneratorTests : ServerFixture
{
    [TestCase(KubectlVersion.V1_32)]
    [TestCase(KubectlVersion.V1_35)]
    public async Task Create_generators_post_protobuf_that_the_server_stores_as_sent(KubectlVersion version)
    {
        var kubectl = Kubectl(version);
        var ns = UniqueNames.Of("gen");

        var createNamespace = await kubectl.RunAsync("create", "namespace", ns);
        var configMap = await kubectl.RunAsync("create", "configmap", "settings", "-n", ns, "--from-literal=mode=fast");
        var secret = await kubectl.RunAsync("create", "secret", "generic", "creds", "-n", ns, "--from-literal=password=s3cret");
        var deployment = await kubectl.RunAsync("create", "deployment", "web", "-n", ns, "--image=busybox:1.36", "--replicas=3");
        var service = await kubectl.RunAsync("create", "service", "clusterip", "web", "-n", ns, "--tcp=80:8080", "--tcp=443:8443");

        Assert.That(createNamespace.ExitCode, Is.EqualTo(0), createNamespace.ToString);
        Assert.That(configMap.ExitCode, Is.EqualTo(0), configMap.ToString);
        Assert.That(secret.ExitCode, Is.EqualTo(0), secret.ToString);
        Assert.That(deployment.ExitCode, Is.EqualTo(0), deployment.ToString);
        Assert.That(service.ExitCode, Is.EqualTo(0), service.ToString);
        Assert.That(service.Stdout.Trim(), Is.EqualTo("service/web created"), service.ToString);

        var mode = await kubectl.RunAsync("get", "configmap", "settings", "-n", ns, "-o", "jsonpath={.data.mode}");
        var password = await kubectl.RunAsync("get", "secret", "creds", "-n", ns, "-o", "jsonpath={.data.password}");
        var spec = await kubectl.RunAsync("get", "deployment", "web", "-n", ns, "-o", "jsonpath={.spec.replicas} {.spec.template.spec.containers[0].image} {.spec.template.spec.containers[0].imagePullPolicy}");
        Assert.That(mode.Stdout, Is.EqualTo("fast"), mode.ToString);
        Assert.That(password.Stdout, Is.EqualTo(Convert.ToBase64String("s3cret"u8.ToArray())), password.ToString);
        Assert.That(spec.Stdout, Is.EqualTo("3 busybox:1.36 IfNotPresent"), spec.ToString);
        var ports = await kubectl.RunAsync("get", "service", "web", "-n", ns, "-o", "jsonpath={.spec.type} {.spec.selector.app} {.spec.ports[0].name} {.spec.ports[0].port} {.spec.ports[0].targetPort} {.spec.ports[0].protocol}");
        Assert.That(ports.Stdout, Is.EqualTo("ClusterIP web 80-8080 80 8080 TCP"), ports.ToString);

        // Protobuf carries every non-pointer field, zero or not; upstream's JSON omits the zero ones, and so do we.
        var json = await kubectl.RunAsync("get", "deployment", "web", "-n", ns, "-o", "json");
        var stored = System.Text.Json.Nodes.JsonNode.Parse(json.Stdout)!;
        var container = stored["spec"]!["template"]!["spec"]!["containers"]![0]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(container.Select(p => p.Key), Has.None.AnyOf("stdin", "stdinOnce", "tty", "workingDir"), json.Stdout);
            Assert.That(stored["spec"]!.AsObject().ContainsKey("paused"), Is.False, json.Stdout);
            Assert.That(stored["metadata"]!.AsObject().ContainsKey("generateName"), Is.False, json.Stdout);
        });
    }
}
