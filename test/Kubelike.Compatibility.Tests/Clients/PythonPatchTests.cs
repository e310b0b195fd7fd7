using Kubelike.Compatibility.Tests.Harness;
using Kubelike.Compatibility.Tests.TestSupport;

namespace Kubelike.Compatibility.Tests.Clients;

/// <summary>
/// The Python client's patch calls (Debian's python3-kubernetes 22.x). The typed <c>patch_namespaced_…</c> methods send a
/// dict body as a strategic merge patch and a list as a JSON patch; they cannot send a merge patch, which the dynamic
/// client does with <c>content_type=</c>.
/// </summary>
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

    [Test]
    public async Task Dynamic_client_patches_with_each_content_type()
    {
        var ns = await Server.HttpClient.CreateNamespaceAsync(UniqueNames.Of("python"));

        var result = await Python.RunAsync($"ns = '{ns}'\n" + """
            import json
            from kubernetes import dynamic
            from kubernetes.client.exceptions import ApiException
            dyn = dynamic.DynamicClient(api_client)
            deployments = dyn.resources.get(api_version='apps/v1', kind='Deployment')
            deployments.create(namespace=ns, body={
                'apiVersion': 'apps/v1', 'kind': 'Deployment', 'metadata': {'name': 'web', 'labels': {'app': 'web', 'tier': 'front'}},
                'spec': {'replicas': 1, 'selector': {'matchLabels': {'app': 'web'}},
                         'template': {'metadata': {'labels': {'app': 'web'}},
                                      'spec': {'containers': [{'name': 'main', 'image': 'busybox:1.36'}, {'name': 'side', 'image': 'busybox:side'}]}}}})

            # The dynamic client's default is a strategic merge patch: $patch: delete removes one container by name.
            smp = deployments.patch(name='web', namespace=ns, body={'spec': {'template': {'spec': {'containers': [{'name': 'side', '$patch': 'delete'}]}}}})
            assert [c.name for c in smp.spec.template.spec.containers] == ['main'], smp.spec.template.spec.containers

            merge = deployments.patch(name='web', namespace=ns, content_type='application/merge-patch+json',
                body={'metadata': {'labels': {'tier': None}}, 'spec': {'replicas': 2, 'template': {'spec': {'containers': [{'name': 'other', 'image': 'busybox:2'}]}}}})
            assert dict(merge.metadata.labels) == {'app': 'web'}, merge.metadata.labels
            assert [c.name for c in merge.spec.template.spec.containers] == ['other'], 'a merge patch replaces the list'
            assert merge.spec.replicas == 2

            patched = deployments.patch(name='web', namespace=ns, content_type='application/json-patch+json',
                body=[{'op': 'add', 'path': '/metadata/annotations', 'value': {'via': 'json'}}, {'op': 'remove', 'path': '/spec/template/spec/containers/0/image'}, {'op': 'add', 'path': '/spec/template/spec/containers/0/image', 'value': 'busybox:3'}])
            assert patched.metadata.annotations['via'] == 'json' and patched.spec.template.spec.containers[0].image == 'busybox:3', patched

            try:
                deployments.patch(name='web', namespace=ns, content_type='application/merge-patch+json', body={'metadata': {'resourceVersion': '1'}, 'spec': {'replicas': 5}})
                raise SystemExit('a stale resourceVersion patched')
            except ApiException as e:
                assert e.status == 409 and json.loads(e.body)['reason'] == 'Conflict', (e.status, e.body)

            dry = deployments.patch(name='web', namespace=ns, content_type='application/merge-patch+json', body={'spec': {'replicas': 7}}, dry_run='All')
            stored = deployments.get(name='web', namespace=ns)
            assert dry.spec.replicas == 7 and stored.spec.replicas == 2, (dry.spec.replicas, stored.spec.replicas)
            assert stored.metadata.generation == 4, stored.metadata.generation

            # This version's dynamic client has no field_validation argument; its query_params pass the parameter.
            try:
                deployments.patch(name='web', namespace=ns, content_type='application/merge-patch+json', body={'spec': {'replicaz': 3}}, query_params=[('fieldValidation', 'Strict')])
                raise SystemExit('an unknown field patched under Strict')
            except ApiException as e:
                assert e.status == 422 and 'unknown field "spec.replicaz"' in json.loads(e.body)['message'], (e.status, e.body)
            print('ok')
            """);

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        Assert.That(result.Stdout.Trim(), Is.EqualTo("ok"), result.ToString);
    }
}
