using Kubelike.Compatibility.Tests.Harness;
using Kubelike.Compatibility.Tests.TestSupport;

namespace Kubelike.Compatibility.Tests.Clients;

/// <summary>The official Python client (<c>kubernetes</c>, Debian's python3-kubernetes) through its typed CoreV1Api.</summary>
[TestFixture]
public sealed class PythonClientTests : ServerFixture
{
    private const string Setup = """
        import json
        from kubernetes import client
        from kubernetes.client.exceptions import ApiException
        v1 = client.CoreV1Api(api_client)

        """;

    [Test]
    public async Task CreateReadListAndDeleteAConfigMap()
    {
        var ns = await Server.HttpClient.CreateNamespaceAsync(UniqueNames.Of("python"));

        var result = await Python.RunAsync(Setup + $$$"""
            ns = '{{{ns}}}'
            body = client.V1ConfigMap(metadata=client.V1ObjectMeta(name='settings', labels={'app': 'py'}), data={'color': 'blue'})
            created = v1.create_namespaced_config_map(ns, body)
            assert created.metadata.uid and created.metadata.resource_version, created
            assert created.metadata.namespace == ns, created.metadata
            assert created.metadata.creation_timestamp is not None, created.metadata

            try:
                v1.create_namespaced_config_map(ns, body)
                raise SystemExit('a second create succeeded')
            except ApiException as e:
                assert e.status == 409 and json.loads(e.body)['reason'] == 'AlreadyExists', (e.status, e.body)

            read = v1.read_namespaced_config_map('settings', ns)
            assert read.data == {'color': 'blue'}, read.data
            assert read.metadata.uid == created.metadata.uid

            other_labels = {'app': 'else'}
            v1.create_namespaced_config_map(ns, {'metadata': {'name': 'other', 'labels': other_labels}})
            listed = v1.list_namespaced_config_map(ns, label_selector='app=py')
            assert [i.metadata.name for i in listed.items] == ['settings'], [i.metadata.name for i in listed.items]
            assert listed.metadata.resource_version, listed.metadata
            everything = v1.list_namespaced_config_map(ns)
            assert sorted(i.metadata.name for i in everything.items) == ['other', 'settings']


            status = v1.delete_namespaced_config_map('settings', ns)
            assert status.status == 'Success', status
            try:
                v1.read_namespaced_config_map('settings', ns)
                raise SystemExit('still there after delete')
            except ApiException as e:
                assert e.status == 404, e.status
                body = json.loads(e.body)
                assert body['reason'] == 'NotFound' and body['message'] == 'configmaps "settings" not found', body
            print('ok')
            """);

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        Assert.That(result.Stdout.Trim(), Is.EqualTo("ok"), result.ToString);
    }

    [Test]
    public async Task ListNamespacesIncludesTheSystemNamespacesAndANewOne()
    {
        var ns = await Server.HttpClient.CreateNamespaceAsync(UniqueNames.Of("python"));

        var result = await Python.RunAsync(Setup + """
            names = [n.metadata.name for n in v1.list_namespace().items]
            print('\n'.join(names))
            """);

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        Assert.That(result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.SupersetOf(new[] { "default", "kube-system", "kube-public", "kube-node-lease", ns }), result.ToString);
    }
}
