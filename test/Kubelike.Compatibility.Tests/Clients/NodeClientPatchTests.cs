using Kubelike.Compatibility.Tests.Harness;
using Kubelike.Compatibility.Tests.TestSupport;

namespace Kubelike.Compatibility.Tests.Clients;

/// <summary>
/// The JavaScript client's patch calls (<c>@kubernetes/client-node</c> 1.4.0): the typed <c>patchNamespaced…</c>
/// methods send a JSON patch by default and any of the four patch types with <c>setHeaderOptions('Content-Type', …)</c>;
/// <c>KubernetesObjectApi.patch</c> takes the patch strategy as a parameter, server-side apply included.
/// </summary>
[TestFixture]
public sealed class NodeClientPatchTests : ServerFixture
{
    private const string Setup = """
        const apps = kc.makeApiClient(k8s.AppsV1Api);
        const core = kc.makeApiClient(k8s.CoreV1Api);
        const objects = k8s.KubernetesObjectApi.makeApiClient(kc);
        const check = (condition, what) => { if (!condition) throw new Error('check failed: ' + what); };
        const as = (type) => k8s.setHeaderOptions('Content-Type', type);
        const failure = async (call) => { try { await call(); } catch (e) { return e; } throw new Error('the call succeeded'); };

        """;

    [Test]
    public async Task Typed_patch_calls_send_json_merge_and_strategic_merge_patches()
    {
        var ns = await Server.HttpClient.CreateNamespaceAsync(UniqueNames.Of("nodepatch"));

        var result = await Node.RunAsync(Setup + $$$"""
            const namespace = '{{{ns}}}';
            const name = 'web';
            await apps.createNamespacedDeployment({ namespace, body: {
              metadata: { name, labels: { app: 'web', tier: 'front' } },
              spec: { replicas: 1, selector: { matchLabels: { app: 'web' } },
                template: { metadata: { labels: { app: 'web' } }, spec: { containers: [
                  { name: 'main', image: 'busybox:1.36', env: [{ name: 'A', value: '1' }] }] } } } } });

            // No header option: the generated client picks application/json-patch+json.
            const json = await apps.patchNamespacedDeployment({ name, namespace, body: [
              { op: 'test', path: '/spec/replicas', value: 1 }, { op: 'replace', path: '/spec/replicas', value: 3 }] });
            check(json.spec.replicas === 3, 'json patch: ' + json.spec.replicas);

            const failed = await failure(() => apps.patchNamespacedDeployment({ name, namespace, body: [{ op: 'test', path: '/spec/replicas', value: 1 }] }));
            check(failed.code === 422 && JSON.parse(failed.body).reason === 'Invalid', 'a failed test op is 422 Invalid: ' + failed.code + ' ' + failed.body);

            const strategic = await apps.patchNamespacedDeployment({ name, namespace, body: { spec: { template: { spec: { containers: [
              { name: 'side', image: 'busybox:side' }, { name: 'main', env: [{ name: 'B', value: '2' }] }] } } } } },
              as(k8s.PatchStrategy.StrategicMergePatch));
            const byName = Object.fromEntries(strategic.spec.template.spec.containers.map(c => [c.name, c]));
            check(Object.keys(byName).sort().join(',') === 'main,side', 'containers merge by name: ' + Object.keys(byName));
            // Upstream's order: the patch's items first, then the ones only the server had.
            check(byName.main.image === 'busybox:1.36' && byName.main.env.map(e => e.name).join(',') === 'B,A', 'env merges by name: ' + JSON.stringify(byName.main));

            const merge = await apps.patchNamespacedDeployment({ name, namespace, body: {
              metadata: { labels: { tier: null, merged: 'yes' } },
              spec: { template: { spec: { containers: [{ name: 'only', image: 'busybox:merge' }] } } } } },
              as(k8s.PatchStrategy.MergePatch));
            check(JSON.stringify(merge.metadata.labels) === JSON.stringify({ app: 'web', merged: 'yes' }), 'null removes a label: ' + JSON.stringify(merge.metadata.labels));
            check(merge.spec.template.spec.containers.map(c => c.name).join(',') === 'only', 'a merge patch replaces lists whole');

            const dry = await apps.patchNamespacedDeployment({ name, namespace, dryRun: 'All', body: { spec: { replicas: 9 } } }, as(k8s.PatchStrategy.MergePatch));
            check(dry.spec.replicas === 9, 'the dry run answers the patched object');
            const scale = await apps.patchNamespacedDeploymentScale({ name, namespace, body: { spec: { replicas: 2 } } }, as(k8s.PatchStrategy.MergePatch));
            check(scale.spec.replicas === 2, 'scale subresource: ' + JSON.stringify(scale.spec));
            const read = await apps.readNamespacedDeployment({ name, namespace });
            check(read.spec.replicas === 2 && read.metadata.generation === 5, 'stored replicas and generation: ' + read.spec.replicas + ' ' + read.metadata.generation);

            const missing = await failure(() => core.patchNamespacedConfigMap({ name: 'missing', namespace, body: { data: { a: 'b' } } }, as(k8s.PatchStrategy.MergePatch)));
            check(missing.code === 404 && JSON.parse(missing.body).reason === 'NotFound', 'patch of a missing object: ' + missing.code);
            console.log('ok');
            """);

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        Assert.That(result.Stdout.Trim(), Is.EqualTo("ok"), result.ToString);
    }

    [Test]
    public async Task Object_api_patches_and_applies_server_side()
    {
        var ns = await Server.HttpClient.CreateNamespaceAsync(UniqueNames.Of("nodessa"));

        var result = await Node.RunAsync(Setup + $$$"""
            const namespace = '{{{ns}}}';
            const spec = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace }, data: { color: 'blue', size: 'L' } };
            const managers = (o) => o.metadata.managedFields.map(e => e.manager + '/' + e.operation).sort().join(',');

            // Create-on-apply, then a second apply that drops a key: the manager's field is removed.
            const created = await objects.patch(spec, undefined, undefined, 'js-apply', undefined, k8s.PatchStrategy.ServerSideApply);
            check(created.data.color === 'blue' && managers(created) === 'js-apply/Apply', 'created by apply: ' + JSON.stringify(created.metadata.managedFields));
            const pruned = await objects.patch({ ...spec, data: { color: 'blue' } }, undefined, undefined, 'js-apply', undefined, k8s.PatchStrategy.ServerSideApply);
            check(JSON.stringify(pruned.data) === JSON.stringify({ color: 'blue' }), 'a key dropped from the apply is removed: ' + JSON.stringify(pruned.data));
            const again = await objects.patch({ ...spec, data: { color: 'blue' } }, undefined, undefined, 'js-apply', undefined, k8s.PatchStrategy.ServerSideApply);
            check(again.metadata.resourceVersion === pruned.metadata.resourceVersion, 'the same apply again writes nothing');

            const conflict = await failure(() => objects.patch({ ...spec, data: { color: 'red' } }, undefined, undefined, 'other', undefined, k8s.PatchStrategy.ServerSideApply));
            const status = JSON.parse(conflict.body);
            check(conflict.code === 409 && status.reason === 'Conflict' && status.details.causes[0].field === '.data.color', 'conflict: ' + conflict.body);
            const forced = await objects.patch({ ...spec, data: { color: 'red' } }, undefined, undefined, 'other', true, k8s.PatchStrategy.ServerSideApply);
            check(forced.data.color === 'red' && managers(forced) === 'other/Apply', 'force takes the field over: ' + JSON.stringify(forced.metadata.managedFields));

            // The object API's default strategy and the other two.
            const strategic = await objects.patch({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace, labels: { via: 'smp' } } });
            check(strategic.metadata.labels.via === 'smp', 'default strategy: ' + JSON.stringify(strategic.metadata));
            const merged = await objects.patch({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace }, data: { extra: 'x' } },
              undefined, undefined, 'js-merge', undefined, k8s.PatchStrategy.MergePatch);
            check(merged.data.extra === 'x' && merged.data.color === 'red', 'merge patch: ' + JSON.stringify(merged.data));
            check(managers(merged).split(',').includes('js-merge/Update'), 'a merge patch is an Update of its manager: ' + managers(merged));

            const dry = await objects.patch({ ...spec, data: { color: 'green' } }, undefined, 'All', 'other', undefined, k8s.PatchStrategy.ServerSideApply);
            const read = await objects.read({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace } });
            check(dry.data.color === 'green' && read.data.color === 'red', 'a dry-run apply stores nothing');

            const noManager = await failure(() => core.patchNamespacedConfigMap({ name: 'settings', namespace, body: spec }, as(k8s.PatchStrategy.ServerSideApply)));
            check(noManager.code === 422 && JSON.parse(noManager.body).message.includes('fieldManager'), 'apply needs a field manager: ' + noManager.body);
            console.log('ok');
            """);

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        Assert.That(result.Stdout.Trim(), Is.EqualTo("ok"), result.ToString);
    }
}
