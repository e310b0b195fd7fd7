using Kubelike.Compatibility.Tests.Harness;
using Kubelike.Compatibility.Tests.TestSupport;

namespace Kubelike.Compatibility.Tests.Clients;

/// <summary>The Python client's patch calls: a dict body goes out as a strategic merge patch, a list as a JSON patch.</summary>
[TestFixture]
public sealed class PythonPatchTests : ServerFixture
{
    [Test]
    public async Task Patch_namespaced_deployment_merges_containers_and_applies_json_patches()
    {
        var ns = await Server.HttpClient.CreateNamespaceAsync(UniqueNames.Of("python"));

        var result = await Python.RunAsync($"ns = '{ns}'\n" + """
            import json
            from kubernetes import client
            from kubernetes.client.exceptions import ApiException
            apps = client.AppsV1Api(api_client)
            apps.create_namespaced_deployment(ns, {
                'metadata': {'name': 'web'},
                'spec': {'replicas': 1, 'selector': {'matchLabels': {'app': 'web'}},
                         'template': {'metadata': {'labels': {'app': 'web'}},
                                      'spec': {'containers': [{'name': 'main', 'image': 'busybox:1.36'}]}}}})

            patched = apps.patch_namespaced_deployment('web', ns, {'spec': {'template': {'spec': {'containers': [
                {'name': 'main', 'image': 'busybox:1.37'}, {'name': 'side', 'image': 'busybox:side'}]}}}})
            images = {c.name: c.image for c in patched.spec.template.spec.containers}
            assert images == {'main': 'busybox:1.37', 'side': 'busybox:side'}, images

            scaled = apps.patch_namespaced_deployment('web', ns, [{'op': 'replace', 'path': '/spec/replicas', 'value': 3}])
            assert scaled.spec.replicas == 3, scaled.spec.replicas

            try:
                apps.patch_namespaced_deployment('web', ns, [{'op': 'test', 'path': '/spec/replicas', 'value': 1}])
                raise SystemExit('a failed test patched')
            except ApiException as e:
                assert e.status == 422 and json.loads(e.body)['reason'] == 'Invalid', (e.status, e.body)

            scale = apps.patch_namespaced_deployment_scale('web', ns, {'spec': {'replicas': 2}})
            assert scale.spec.replicas == 2, scale
            print('ok')
            """);

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        Assert.That(result.Stdout.Trim(), Is.EqualTo("ok"), result.ToString);
    }
}
