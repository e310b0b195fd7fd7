using Kubelike.Compatibility.Tests.Harness;
using Kubelike.Compatibility.Tests.TestSupport;

namespace Kubelike.Compatibility.Tests.Clients;

/// <summary>The official JavaScript client, <c>@kubernetes/client-node</c> 1.4.0: CoreV1Api and <c>k8s.Watch</c>.</summary>
[TestFixture]
public sealed class NodeClientTests : ServerFixture
{
    private const string Setup = """
        const api = kc.makeApiClient(k8s.CoreV1Api);
        const check = (condition, what) => { if (!condition) throw new Error('check failed: ' + what); };

        """;

    [Test]
    public async Task CreateReadListAndDeleteAConfigMap()
    {
        var ns = await Server.HttpClient.CreateNamespaceAsync(UniqueNames.Of("node"));

        var result = await Node.RunAsync(Setup + $$$"""
            const namespace = '{{{ns}}}';
            const created = await api.createNamespacedConfigMap({ namespace, body: { metadata: { name: 'settings', labels: { app: 'js' } }, data: { color: 'blue' } } });
            check(created.metadata.uid && created.metadata.resourceVersion && created.metadata.namespace === namespace, JSON.stringify(created.metadata));
            check(created.metadata.creationTimestamp instanceof Date, 'creationTimestamp is parsed as a date');

            let conflict = null;
            try { await api.createNamespacedConfigMap({ namespace, body: { metadata: { name: 'settings' } } }); } catch (e) { conflict = e; }
            check(conflict && conflict.code === 409 && JSON.parse(conflict.body).reason === 'AlreadyExists', 'a second create is AlreadyExists: ' + (conflict && conflict.body));

            const read = await api.readNamespacedConfigMap({ name: 'settings', namespace });
            check(read.data.color === 'blue' && read.metadata.uid === created.metadata.uid, JSON.stringify(read));

            await api.createNamespacedConfigMap({ namespace, body: { metadata: { name: 'other', labels: { app: 'else' } } } });
            const listed = await api.listNamespacedConfigMap({ namespace, labelSelector: 'app=js' });
            check(listed.items.map(i => i.metadata.name).join(',') === 'settings', JSON.stringify(listed.items.map(i => i.metadata.name)));
            check(listed.metadata.resourceVersion, 'the list has a resourceVersion');


            const status = await api.deleteNamespacedConfigMap({ name: 'settings', namespace });
            check(status.status === 'Success', JSON.stringify(status));
            let missing = null;
            try { await api.readNamespacedConfigMap({ name: 'settings', namespace }); } catch (e) { missing = e; }
            check(missing && missing.code === 404, 'read after delete is 404: ' + missing);
            const body = JSON.parse(missing.body);
            check(body.reason === 'NotFound' && body.message === 'configmaps "settings" not found', missing.body);
            console.log('ok');
            """);

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        Assert.That(result.Stdout.Trim(), Is.EqualTo("ok"), result.ToString);
    }

    [Test]
    public async Task ListNamespacesIncludesTheSystemNamespaces()
    {
        var ns = await Server.HttpClient.CreateNamespaceAsync(UniqueNames.Of("node"));

        var result = await Node.RunAsync(Setup + """
            const list = await api.listNamespace();
            console.log(list.items.map(n => n.metadata.name).join('\n'));
            """);

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        Assert.That(result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.SupersetOf(new[] { "default", "kube-system", "kube-public", "kube-node-lease", ns }), result.ToString);
    }

    [Test]
    public async Task AWatchWithALabelSelectorSeesAddedForACreatedObject()
    {
        var ns = await Server.HttpClient.CreateNamespaceAsync(UniqueNames.Of("node"));

        var result = await Node.RunAsync(Setup + $$$"""
            const namespace = '{{{ns}}}';
            const events = [];
            let ended = null;
            const watcher = new k8s.Watch(kc);
            const request = await watcher.watch(`/api/v1/namespaces/${namespace}/configmaps`, { labelSelector: 'watched=yes' },
              (type, obj) => events.push(type + ' ' + obj.metadata.name),
              (err) => { ended = err || 'closed'; });
            await api.createNamespacedConfigMap({ namespace, body: { metadata: { name: 'ignored' } } });
            await api.createNamespacedConfigMap({ namespace, body: { metadata: { name: 'seen', labels: { watched: 'yes' } } } });
            const deadline = Date.now() + 20000;
            while (!events.includes('ADDED seen') && ended === null && Date.now() < deadline) await new Promise(r => setTimeout(r, 50));
            request.abort();
            console.log(JSON.stringify(events));
            check(events.includes('ADDED seen'), 'ADDED seen in ' + JSON.stringify(events) + ', watch ended: ' + ended);
            check(!events.some(e => e.endsWith(' ignored')), 'the label selector applies: ' + JSON.stringify(events));
            """);

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
    }
}
