using Kubelike.Compatibility.Tests.Harness;
using Kubelike.Compatibility.Tests.TestSupport;

namespace Kubelike.Compatibility.Tests.Clients;

/// <summary>
/// Server-side apply from the official Python client. Debian's python3-kubernetes (22.x) cannot send its dynamic
/// client's <c>server_side_apply</c> (its REST layer refuses the apply content type for a dict body), so the script
/// sends the PATCH itself through <c>api_client.call_api</c>, as callers of that version do.
/// </summary>
[TestFixture]
public sealed class PythonServerSideApplyTests : ServerFixture
{
    [Test]
    public async Task Apply_creates_then_conflicts_then_forces_and_needs_a_field_manager()
    {
        var ns = await Server.HttpClient.CreateNamespaceAsync(UniqueNames.Of("pyssa"));
        var result = await Python.RunAsync($$$"""
            import json
            from kubernetes import client
            from kubernetes.client.exceptions import ApiException
            path = '/api/v1/namespaces/{{{ns}}}/configmaps/settings'

            def apply(body, query):
                try:
                    data, status, _ = api_client.call_api(path + query, 'PATCH', header_params={'Content-Type': 'application/apply-patch+yaml', 'Accept': 'application/json'},
                        body=json.dumps(body), auth_settings=['BearerToken'], _preload_content=False)
                    return status, json.loads(data.data)
                except ApiException as e:
                    return e.status, json.loads(e.body)

            cm = {'apiVersion': 'v1', 'kind': 'ConfigMap', 'metadata': {'name': 'settings'}, 'data': {'color': 'blue'}}
            status, body = apply(cm, '')
            assert status == 422 and body['reason'] == 'Invalid' and 'fieldManager: Required value' in body['message'], (status, body)

            status, body = apply(cm, '?fieldManager=python')
            assert status == 201, (status, body)
            assert [(e['manager'], e['operation']) for e in body['metadata']['managedFields']] == [('python', 'Apply')], body['metadata']

            status, body = apply(dict(cm, data={'color': 'red'}), '?fieldManager=other')
            assert status == 409 and body['reason'] == 'Conflict', (status, body)
            assert body['message'] == 'Apply failed with 1 conflict: conflict with "python": .data.color', body['message']
            assert body['details']['causes'] == [{'reason': 'FieldManagerConflict', 'message': 'conflict with "python"', 'field': '.data.color'}], body

            status, body = apply(dict(cm, data={'color': 'red'}), '?fieldManager=other&force=true')
            assert status == 200 and body['data'] == {'color': 'red'}, (status, body)

            read = client.CoreV1Api(api_client).read_namespaced_config_map('settings', '{{{ns}}}')
            assert read.data == {'color': 'red'}, read.data
            assert [m.manager for m in read.metadata.managed_fields] == ['other'], read.metadata.managed_fields
            print('ok')
            """);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
        Assert.That(result.Stdout.Trim(), Is.EqualTo("ok"));
    }
}
