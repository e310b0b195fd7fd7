using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Registry;
using Kubelike.ApiMachinery.Tables;

namespace Kubelike.ApiMachinery.Tests.Tables;

public class TableConverterTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 10, 12, 0, 0, TimeSpan.Zero);

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static ResourceDefinition Resource(string group, string version, string plural) =>
        ResourceRegistry.BuiltIn.Find(group, version, plural) ?? throw new InvalidOperationException(plural);

    private static List<string?> Cells(string group, string version, string plural, string json) =>
        [.. TableConverter.Cells(Resource(group, version, plural), (JsonObject)JsonNode.Parse(json)!, Now).Select(c => c?.ToJsonString(Readable))];

    private static List<string> ColumnNames(string group, string version, string plural) =>
        [.. TableConverter.Columns(Resource(group, version, plural)).Select(c => c.Name)];

    [Test]
    public void Pod_columns_follow_upstream()
    {
        var columns = TableConverter.Columns(Resource("", "v1", "pods"));
        Assert.Multiple(() =>
        {
            Assert.That(columns.Select(c => c.Name), Is.EqualTo(new[] { "Name", "Ready", "Status", "Restarts", "Age", "IP", "Node", "Nominated Node", "Readiness Gates" }));
            Assert.That(columns.Select(c => c.Priority), Is.EqualTo(new[] { 0, 0, 0, 0, 0, 1, 1, 1, 1 }));
            Assert.That(columns[0].Format, Is.EqualTo("name"));
            Assert.That(columns[0].Description, Does.StartWith("Name must be unique within a namespace."));
            Assert.That(columns[3].Type, Is.EqualTo("string"));
            Assert.That(columns[4].Description, Does.StartWith("CreationTimestamp is a timestamp"));
        });
    }

    [Test]
    public void Running_pod_with_one_container_not_ready_and_restarts()
    {
        var cells = Cells("", "v1", "pods", """
            {"metadata":{"name":"web-1","creationTimestamp":"2026-01-10T11:00:00Z"},
             "spec":{"nodeName":"node-a","containers":[{"name":"app"},{"name":"sidecar"}]},
             "status":{"phase":"Running","podIPs":[{"ip":"10.0.0.7"}],"conditions":[{"type":"Ready","status":"False"}],
               "containerStatuses":[
                 {"name":"app","ready":true,"restartCount":0,"state":{"running":{}}},
                 {"name":"sidecar","ready":false,"restartCount":3,"state":{"running":{}},
                  "lastState":{"terminated":{"exitCode":1,"finishedAt":"2026-01-10T11:55:00Z"}}}]}}
            """);
        Assert.That(cells, Is.EqualTo(new[] { "\"web-1\"", "\"1/2\"", "\"Running\"", "\"3 (5m ago)\"", "\"60m\"", "\"10.0.0.7\"", "\"node-a\"", "\"<none>\"", "\"<none>\"" }));
    }

    [Test]
    public void Terminating_pod()
    {
        var cells = Cells("", "v1", "pods", """
            {"metadata":{"name":"old","creationTimestamp":"2026-01-08T00:00:00Z","deletionTimestamp":"2026-01-10T11:59:00Z"},
             "spec":{"containers":[{"name":"app"}]},
             "status":{"phase":"Running","containerStatuses":[{"name":"app","ready":true,"restartCount":0,"state":{"running":{}}}]}}
            """);
        Assert.That(cells.Take(5), Is.EqualTo(new[] { "\"old\"", "\"1/1\"", "\"Terminating\"", "\"0\"", "\"2d12h\"" }));
    }

    [Test]
    public void Crash_looping_pod_shows_the_waiting_reason()
    {
        var cells = Cells("", "v1", "pods", """
            {"metadata":{"name":"crash","creationTimestamp":"2026-01-10T10:00:00Z"},
             "spec":{"containers":[{"name":"app"}]},
             "status":{"phase":"Running","containerStatuses":[{"name":"app","ready":false,"restartCount":7,
               "state":{"waiting":{"reason":"CrashLoopBackOff"}},"lastState":{"terminated":{"exitCode":2,"finishedAt":"2026-01-10T11:59:30Z"}}}]}}
            """);
        Assert.That(cells.Take(4), Is.EqualTo(new[] { "\"crash\"", "\"0/1\"", "\"CrashLoopBackOff\"", "\"7 (30s ago)\"" }));
    }

    [Test]
    public void Pod_waiting_on_init_containers()
    {
        var cells = Cells("", "v1", "pods", """
            {"metadata":{"name":"init","creationTimestamp":"2026-01-10T11:59:00Z"},
             "spec":{"initContainers":[{"name":"a"},{"name":"b"}],"containers":[{"name":"app"}]},
             "status":{"phase":"Pending","initContainerStatuses":[
               {"name":"a","restartCount":0,"state":{"terminated":{"exitCode":0}}},
               {"name":"b","restartCount":0,"state":{"running":{}}}],
               "containerStatuses":[{"name":"app","restartCount":0,"state":{"waiting":{"reason":"PodInitializing"}}}]}}
            """);
        Assert.That(cells[2], Is.EqualTo("\"Init:1/2\""));
    }

    [Test]
    public void Deployment_cells()
    {
        var cells = Cells("apps", "v1", "deployments", """
            {"metadata":{"name":"web","creationTimestamp":"2026-01-10T09:00:00Z"},
             "spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},
               "template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.27"},{"name":"log","image":"busybox"}]}}},
             "status":{"readyReplicas":2,"updatedReplicas":3,"availableReplicas":2}}
            """);
        Assert.That(cells, Is.EqualTo(new[] { "\"web\"", "\"2/3\"", "3", "2", "\"3h\"", "\"nginx,log\"", "\"nginx:1.27,busybox\"", "\"app=web\"" }));
    }

    [Test]
    public void Node_port_service_cells()
    {
        var cells = Cells("", "v1", "services", """
            {"metadata":{"name":"web","creationTimestamp":"2026-01-10T11:59:15Z"},
             "spec":{"type":"NodePort","clusterIP":"10.96.0.10","clusterIPs":["10.96.0.10"],"selector":{"app":"web","tier":"fe"},
               "ports":[{"port":80,"protocol":"TCP"},{"port":443,"nodePort":30001,"protocol":"TCP"}]}}
            """);
        Assert.That(cells, Is.EqualTo(new[] { "\"web\"", "\"NodePort\"", "\"10.96.0.10\"", "\"<none>\"", "\"80/TCP,443:30001/TCP\"", "\"45s\"", "\"app=web,tier=fe\"" }));
    }

    [Test]
    public void Load_balancer_service_without_an_address_is_pending()
    {
        var cells = Cells("", "v1", "services", """
            {"metadata":{"name":"lb"},"spec":{"type":"LoadBalancer","clusterIPs":["10.96.0.11"],"ports":[{"port":80,"nodePort":31000}]}}
            """);
        Assert.That(cells.Take(6), Is.EqualTo(new[] { "\"lb\"", "\"LoadBalancer\"", "\"10.96.0.11\"", "\"<pending>\"", "\"80:31000/TCP\"", "\"<unknown>\"" }));
    }

    [Test]
    public void Node_with_roles_cordoned()
    {
        var cells = Cells("", "v1", "nodes", """
            {"metadata":{"name":"cp-1","creationTimestamp":"2026-01-01T12:00:00Z",
               "labels":{"node-role.kubernetes.io/control-plane":"","node-role.kubernetes.io/etcd":"","kubernetes.io/hostname":"cp-1"}},
             "spec":{"unschedulable":true},
             "status":{"conditions":[{"type":"MemoryPressure","status":"False"},{"type":"Ready","status":"True"}],
               "addresses":[{"type":"InternalIP","address":"192.168.1.10"},{"type":"Hostname","address":"cp-1"}],
               "nodeInfo":{"kubeletVersion":"v1.33.1","osImage":"Debian GNU/Linux 12","kernelVersion":"6.1.0","containerRuntimeVersion":"containerd://2.0.0"}}}
            """);
        Assert.That(cells, Is.EqualTo(new[]
        {
            "\"cp-1\"", "\"Ready,SchedulingDisabled\"", "\"control-plane,etcd\"", "\"9d\"", "\"v1.33.1\"", "\"192.168.1.10\"", "\"<none>\"",
            "\"Debian GNU/Linux 12\"", "\"6.1.0\"", "\"containerd://2.0.0\"",
        }));
    }

    [Test]
    public void Secret_cells()
    {
        var cells = Cells("", "v1", "secrets", """
            {"metadata":{"name":"tls","creationTimestamp":"2026-01-10T11:58:01Z"},"type":"kubernetes.io/tls","data":{"tls.crt":"eA==","tls.key":"eQ=="}}
            """);
        Assert.Multiple(() =>
        {
            Assert.That(ColumnNames("", "v1", "secrets"), Is.EqualTo(new[] { "Name", "Type", "Data", "Age" }));
            Assert.That(cells, Is.EqualTo(new[] { "\"tls\"", "\"kubernetes.io/tls\"", "2", "\"119s\"" }));
        });
    }

    [Test]
    public void Event_cells()
    {
        var cells = Cells("", "v1", "events", """
            {"metadata":{"name":"web-1.abc","creationTimestamp":"2026-01-10T11:50:00Z"},
             "involvedObject":{"kind":"Pod","name":"web-1","fieldPath":"spec.containers{app}"},
             "reason":"BackOff","message":"Back-off restarting failed container\n","type":"Warning","count":5,
             "firstTimestamp":"2026-01-10T11:50:00Z","lastTimestamp":"2026-01-10T11:59:00Z","source":{"component":"kubelet","host":"node-a"}}
            """);
        Assert.Multiple(() =>
        {
            Assert.That(ColumnNames("", "v1", "events"), Is.EqualTo(new[] { "Last Seen", "Type", "Reason", "Object", "Subobject", "Source", "Message", "First Seen", "Count", "Name" }));
            Assert.That(cells, Is.EqualTo(new[]
            {
                "\"60s\"", "\"Warning\"", "\"BackOff\"", "\"pod/web-1\"", "\"spec.containers{app}\"", "\"kubelet, node-a\"",
                "\"Back-off restarting failed container\"", "\"10m\"", "5", "\"web-1.abc\"",
            }));
        });
    }

    [Test]
    public void Kinds_without_a_printer_get_name_and_created_at()
    {
        var resource = Resource("rbac.authorization.k8s.io", "v1", "clusterroles");
        var columns = TableConverter.Columns(resource);
        Assert.Multiple(() =>
        {
            Assert.That(columns.Select(c => c.Name), Is.EqualTo(new[] { "Name", "Created At" }));
            Assert.That(columns[1].Type, Is.EqualTo("date"));
            Assert.That(Cells("rbac.authorization.k8s.io", "v1", "clusterroles", """{"metadata":{"name":"admin","creationTimestamp":"2026-01-02T03:04:05+01:00"}}"""),
                Is.EqualTo(new[] { "\"admin\"", "\"2026-01-02T02:04:05Z\"" }));
        });
    }

    [Test]
    public void Role_binding_lists_subjects_by_kind()
    {
        var cells = Cells("rbac.authorization.k8s.io", "v1", "rolebindings", """
            {"metadata":{"name":"rb","creationTimestamp":"2026-01-10T11:59:00Z"},"roleRef":{"kind":"ClusterRole","name":"view"},
             "subjects":[{"kind":"User","name":"alice"},{"kind":"Group","name":"devs"},{"kind":"ServiceAccount","namespace":"ci","name":"bot"},{"kind":"User","name":"bob"}]}
            """);
        Assert.That(cells, Is.EqualTo(new[] { "\"rb\"", "\"ClusterRole/view\"", "\"60s\"", "\"alice, bob\"", "\"devs\"", "\"ci/bot\"" }));
    }

    [Test]
    public void Every_row_is_as_wide_as_its_columns()
    {
        var empty = (JsonObject)JsonNode.Parse("""{"metadata":{"name":"x","creationTimestamp":"2026-01-10T11:00:00Z"}}""")!;
        foreach (var resource in ResourceRegistry.BuiltIn.All)
        {
            Assert.That(TableConverter.Cells(resource, empty, Now), Has.Count.EqualTo(TableConverter.Columns(resource).Count), resource.GroupResource);
        }
    }

    [Test]
    public void Completed_job_and_its_cron_job()
    {
        var job = Cells("batch", "v1", "jobs", """
            {"metadata":{"name":"pi","creationTimestamp":"2026-01-10T11:00:00Z"},"spec":{"completions":1,"selector":{"matchLabels":{"batch.kubernetes.io/controller-uid":"u1"}},
               "template":{"spec":{"containers":[{"name":"pi","image":"perl"}]}}},
             "status":{"succeeded":1,"startTime":"2026-01-10T11:00:00Z","completionTime":"2026-01-10T11:00:42Z","conditions":[{"type":"Complete","status":"True"}]}}
            """);
        var cronJob = Cells("batch", "v1", "cronjobs", """
            {"metadata":{"name":"nightly","creationTimestamp":"2026-01-10T11:00:00Z"},"spec":{"schedule":"0 3 * * *","suspend":false,
               "jobTemplate":{"spec":{"template":{"spec":{"containers":[{"name":"c","image":"busybox"}]}}}}},
             "status":{"lastScheduleTime":"2026-01-10T11:30:00Z"}}
            """);
        Assert.Multiple(() =>
        {
            Assert.That(job, Is.EqualTo(new[] { "\"pi\"", "\"Complete\"", "\"1/1\"", "\"42s\"", "\"60m\"", "\"pi\"", "\"perl\"", "\"batch.kubernetes.io/controller-uid=u1\"" }));
            Assert.That(cronJob, Is.EqualTo(new[] { "\"nightly\"", "\"0 3 * * *\"", "\"<none>\"", "\"False\"", "0", "\"30m\"", "\"60m\"", "\"c\"", "\"busybox\"", "\"<none>\"" }));
        });
    }
}
