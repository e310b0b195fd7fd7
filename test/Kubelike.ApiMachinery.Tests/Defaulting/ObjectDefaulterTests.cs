using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Defaulting;
using Kubelike.ApiMachinery.Registry;

namespace Kubelike.ApiMachinery.Tests.Defaulting;

public class ObjectDefaulterTests
{
    private static JsonObject Defaulted(string group, string version, string plural, string json)
    {
        var resource = ResourceRegistry.BuiltIn.Find(group, version, plural) ?? throw new InvalidOperationException($"no {plural}");
        var obj = JsonNode.Parse(json)!.AsObject();
        ObjectDefaulter.Apply(resource, obj);
        return obj;
    }

    private static string? At(JsonNode node, string path)
    {
        JsonNode? current = node;
        foreach (var step in path.Split('.'))
        {
            current = int.TryParse(step, out var index) ? current?.AsArray()[index] : current?[step];
        }
        return current?.ToJsonString();
    }

    [Test]
    public void A_minimal_deployment_gets_every_default()
    {
        var deployment = Defaulted("apps", "v1", "deployments", """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},
             "spec":{"selector":{"matchLabels":{"app":"web"}},
              "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"web","image":"nginx:1.27","ports":[{"containerPort":80}]}]}}}}
            """);
        Assert.Multiple(() =>
        {
            Assert.That(At(deployment, "spec.replicas"), Is.EqualTo("1"));
            Assert.That(At(deployment, "spec.strategy"), Is.EqualTo("""{"type":"RollingUpdate","rollingUpdate":{"maxUnavailable":"25%","maxSurge":"25%"}}"""));
            Assert.That(At(deployment, "spec.revisionHistoryLimit"), Is.EqualTo("10"));
            Assert.That(At(deployment, "spec.progressDeadlineSeconds"), Is.EqualTo("600"));
            Assert.That(At(deployment, "spec.template.spec.restartPolicy"), Is.EqualTo("\"Always\""));
            Assert.That(At(deployment, "spec.template.spec.dnsPolicy"), Is.EqualTo("\"ClusterFirst\""));
            Assert.That(At(deployment, "spec.template.spec.terminationGracePeriodSeconds"), Is.EqualTo("30"));
            Assert.That(At(deployment, "spec.template.spec.schedulerName"), Is.EqualTo("\"default-scheduler\""));
            Assert.That(At(deployment, "spec.template.spec.securityContext"), Is.EqualTo("{}"));
            Assert.That(At(deployment, "spec.template.spec.containers.0.imagePullPolicy"), Is.EqualTo("\"IfNotPresent\""));
            Assert.That(At(deployment, "spec.template.spec.containers.0.terminationMessagePath"), Is.EqualTo("\"/dev/termination-log\""));
            Assert.That(At(deployment, "spec.template.spec.containers.0.terminationMessagePolicy"), Is.EqualTo("\"File\""));
            Assert.That(At(deployment, "spec.template.spec.containers.0.ports.0.protocol"), Is.EqualTo("\"TCP\""));
            // Pod-only defaults stay out of templates, as upstream.
            Assert.That(At(deployment, "spec.template.spec.enableServiceLinks"), Is.Null);
            Assert.That(At(deployment, "spec.template.spec.priority"), Is.Null);
        });
    }

    [Test]
    public void Explicit_deployment_values_are_kept()
    {
        var deployment = Defaulted("apps", "v1", "deployments", """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},
             "spec":{"replicas":0,"revisionHistoryLimit":2,"progressDeadlineSeconds":60,"strategy":{"type":"Recreate"},
              "template":{"spec":{"restartPolicy":"Never","dnsPolicy":"Default","terminationGracePeriodSeconds":0,
               "containers":[{"name":"c","image":"busybox","imagePullPolicy":"Never"}]}}}}
            """);
        Assert.Multiple(() =>
        {
            Assert.That(At(deployment, "spec.replicas"), Is.EqualTo("0"));
            Assert.That(At(deployment, "spec.revisionHistoryLimit"), Is.EqualTo("2"));
            Assert.That(At(deployment, "spec.progressDeadlineSeconds"), Is.EqualTo("60"));
            Assert.That(At(deployment, "spec.strategy"), Is.EqualTo("""{"type":"Recreate"}"""));
            Assert.That(At(deployment, "spec.template.spec.restartPolicy"), Is.EqualTo("\"Never\""));
            Assert.That(At(deployment, "spec.template.spec.dnsPolicy"), Is.EqualTo("\"Default\""));
            Assert.That(At(deployment, "spec.template.spec.terminationGracePeriodSeconds"), Is.EqualTo("0"));
            Assert.That(At(deployment, "spec.template.spec.containers.0.imagePullPolicy"), Is.EqualTo("\"Never\""));
        });
    }

    [Test]
    public void A_partial_rolling_update_keeps_what_was_given()
    {
        var deployment = Defaulted("apps", "v1", "deployments", """
            {"kind":"Deployment","spec":{"strategy":{"rollingUpdate":{"maxSurge":1}},"template":{"spec":{"containers":[]}}}}
            """);
        Assert.That(At(deployment, "spec.strategy"), Is.EqualTo("""{"rollingUpdate":{"maxSurge":1,"maxUnavailable":"25%"},"type":"RollingUpdate"}"""));
    }

    [TestCase("busybox", "Always")]
    [TestCase("busybox:latest", "Always")]
    [TestCase("busybox:1.36", "IfNotPresent")]
    [TestCase("registry.example.com:5000/team/busybox", "Always")]
    [TestCase("registry.example.com:5000/team/busybox:1.36", "IfNotPresent")]
    [TestCase("busybox@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "IfNotPresent")]
    [TestCase("", "IfNotPresent")]
    public void Pod_image_pull_policy_follows_the_tag(string image, string expected)
    {
        var pod = Defaulted("", "v1", "pods", $$$"""
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"c","image":"{{{image}}}"}]}}
            """);
        Assert.That(At(pod, "spec.containers.0.imagePullPolicy"), Is.EqualTo($"\"{expected}\""));
    }

    [Test]
    public void A_pod_gets_pod_only_defaults_and_requests_from_limits()
    {
        var pod = Defaulted("", "v1", "pods", """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"hostNetwork":true,
             "containers":[{"name":"c","image":"busybox:1.36","ports":[{"containerPort":8080}],
              "resources":{"limits":{"cpu":"500m","memory":"64Mi"},"requests":{"cpu":"100m"}}}],
             "initContainers":[{"name":"i","image":"busybox:1.36","resources":{"limits":{"cpu":"1"}}}]}}
            """);
        Assert.Multiple(() =>
        {
            Assert.That(At(pod, "spec.enableServiceLinks"), Is.EqualTo("true"));
            Assert.That(At(pod, "spec.priority"), Is.EqualTo("0"));
            Assert.That(At(pod, "spec.preemptionPolicy"), Is.EqualTo("\"PreemptLowerPriority\""));
            Assert.That(At(pod, "spec.containers.0.resources.requests"), Is.EqualTo("""{"cpu":"100m","memory":"64Mi"}"""));
            Assert.That(At(pod, "spec.initContainers.0.resources.requests"), Is.EqualTo("""{"cpu":"1"}"""));
            Assert.That(At(pod, "spec.initContainers.0.terminationMessagePolicy"), Is.EqualTo("\"File\""));
            Assert.That(At(pod, "spec.containers.0.ports.0.hostPort"), Is.EqualTo("8080"));
            Assert.That(At(pod, "status.phase"), Is.EqualTo("\"Pending\""));
        });
    }

    [Test]
    public void Probes_get_their_defaults()
    {
        var pod = Defaulted("", "v1", "pods", """
            {"kind":"Pod","spec":{"containers":[{"name":"c","image":"nginx:1",
             "livenessProbe":{"httpGet":{"port":80}},
             "readinessProbe":{"tcpSocket":{"port":80},"periodSeconds":5,"failureThreshold":1},
             "startupProbe":{"exec":{"command":["true"]},"timeoutSeconds":0},
             "lifecycle":{"preStop":{"httpGet":{"port":80,"path":"/quit"}}}}]}}
            """);
        Assert.Multiple(() =>
        {
            Assert.That(At(pod, "spec.containers.0.livenessProbe"), Is.EqualTo(
                """{"httpGet":{"port":80,"path":"/","scheme":"HTTP"},"timeoutSeconds":1,"periodSeconds":10,"successThreshold":1,"failureThreshold":3}"""));
            Assert.That(At(pod, "spec.containers.0.readinessProbe"), Is.EqualTo(
                """{"tcpSocket":{"port":80},"periodSeconds":5,"failureThreshold":1,"timeoutSeconds":1,"successThreshold":1}"""));
            Assert.That(At(pod, "spec.containers.0.startupProbe.timeoutSeconds"), Is.EqualTo("1"));
            Assert.That(At(pod, "spec.containers.0.lifecycle.preStop.httpGet"), Is.EqualTo("""{"port":80,"path":"/quit","scheme":"HTTP"}"""));
        });
    }

    [Test]
    public void Volumes_get_their_defaults()
    {
        var pod = Defaulted("", "v1", "pods", """
            {"kind":"Pod","spec":{"containers":[{"name":"c","image":"x"}],"volumes":[
             {"name":"a"},{"name":"b","secret":{"secretName":"s"}},{"name":"c","configMap":{"name":"m","defaultMode":256}},
             {"name":"d","hostPath":{"path":"/x"}},
             {"name":"e","projected":{"sources":[{"serviceAccountToken":{"path":"token"}},{"downwardAPI":{"items":[{"path":"n","fieldRef":{"fieldPath":"metadata.name"}}]}}]}},
             {"name":"f","ephemeral":{"volumeClaimTemplate":{"spec":{"accessModes":["ReadWriteOnce"]}}}}]}}
            """);
        Assert.Multiple(() =>
        {
            Assert.That(At(pod, "spec.volumes.0"), Is.EqualTo("""{"name":"a","emptyDir":{}}"""));
            Assert.That(At(pod, "spec.volumes.1.secret.defaultMode"), Is.EqualTo("420"));
            Assert.That(At(pod, "spec.volumes.2.configMap.defaultMode"), Is.EqualTo("256"));
            Assert.That(At(pod, "spec.volumes.3.hostPath"), Is.EqualTo("""{"path":"/x","type":""}"""));
            Assert.That(At(pod, "spec.volumes.4.projected.defaultMode"), Is.EqualTo("420"));
            Assert.That(At(pod, "spec.volumes.4.projected.sources.0.serviceAccountToken.expirationSeconds"), Is.EqualTo("3600"));
            Assert.That(At(pod, "spec.volumes.4.projected.sources.1.downwardAPI.items.0.fieldRef.apiVersion"), Is.EqualTo("\"v1\""));
            Assert.That(At(pod, "spec.volumes.5.ephemeral.volumeClaimTemplate.spec.volumeMode"), Is.EqualTo("\"Filesystem\""));
        });
    }

    [Test]
    public void Service_ports_get_protocol_and_target_port()
    {
        var service = Defaulted("", "v1", "services", """
            {"apiVersion":"v1","kind":"Service","metadata":{"name":"s"},"spec":{"selector":{"app":"web"},
             "ports":[{"name":"http","port":80},{"name":"dns","port":53,"protocol":"UDP","targetPort":5353},{"name":"named","port":8080,"targetPort":"web"}]}}
            """);
        Assert.Multiple(() =>
        {
            Assert.That(At(service, "spec.type"), Is.EqualTo("\"ClusterIP\""));
            Assert.That(At(service, "spec.sessionAffinity"), Is.EqualTo("\"None\""));
            Assert.That(At(service, "spec.ports"), Is.EqualTo(
                """[{"name":"http","port":80,"protocol":"TCP","targetPort":80},{"name":"dns","port":53,"protocol":"UDP","targetPort":5353},{"name":"named","port":8080,"targetPort":"web","protocol":"TCP"}]"""));
            Assert.That(At(service, "spec.internalTrafficPolicy"), Is.EqualTo("\"Cluster\""));
            Assert.That(At(service, "spec.externalTrafficPolicy"), Is.Null);
            Assert.That(At(service, "spec.ipFamilyPolicy"), Is.EqualTo("\"SingleStack\""));
            Assert.That(At(service, "spec.ipFamilies"), Is.EqualTo("""["IPv4"]"""));
        });
    }

    [Test]
    public void A_load_balancer_service_gets_external_defaults()
    {
        var service = Defaulted("", "v1", "services", """
            {"kind":"Service","spec":{"type":"LoadBalancer","sessionAffinity":"ClientIP","ports":[{"port":443}]}}
            """);
        Assert.Multiple(() =>
        {
            Assert.That(At(service, "spec.externalTrafficPolicy"), Is.EqualTo("\"Cluster\""));
            Assert.That(At(service, "spec.allocateLoadBalancerNodePorts"), Is.EqualTo("true"));
            Assert.That(At(service, "spec.sessionAffinityConfig"), Is.EqualTo("""{"clientIP":{"timeoutSeconds":10800}}"""));
        });
    }

    [Test]
    public void A_job_gets_its_defaults()
    {
        var job = Defaulted("batch", "v1", "jobs", """
            {"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"j"},
             "spec":{"template":{"metadata":{"labels":{"app":"j"}},"spec":{"restartPolicy":"Never","containers":[{"name":"c","image":"busybox"}]}}}}
            """);
        Assert.Multiple(() =>
        {
            Assert.That(At(job, "spec.parallelism"), Is.EqualTo("1"));
            Assert.That(At(job, "spec.completions"), Is.EqualTo("1"));
            Assert.That(At(job, "spec.backoffLimit"), Is.EqualTo("6"));
            Assert.That(At(job, "spec.completionMode"), Is.EqualTo("\"NonIndexed\""));
            Assert.That(At(job, "spec.suspend"), Is.EqualTo("false"));
            Assert.That(At(job, "spec.podReplacementPolicy"), Is.EqualTo("\"TerminatingOrFailed\""));
            Assert.That(At(job, "spec.manualSelector"), Is.EqualTo("false"));
            Assert.That(At(job, "metadata.labels"), Is.EqualTo("""{"app":"j"}"""));
            Assert.That(At(job, "spec.template.spec.restartPolicy"), Is.EqualTo("\"Never\""));
            Assert.That(At(job, "spec.template.spec.containers.0.imagePullPolicy"), Is.EqualTo("\"Always\""));
        });
    }

    [Test]
    public void A_new_job_gets_a_selector_on_its_uid_and_pod_labels_with_its_name_and_uid()
    {
        var resource = ResourceRegistry.BuiltIn.Find("batch", "v1", "jobs")!;
        var job = Defaulted("batch", "v1", "jobs", """
            {"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"pi","uid":"u-1"},
             "spec":{"template":{"spec":{"restartPolicy":"Never","containers":[{"name":"c","image":"busybox"}]}}}}
            """);
        ObjectDefaulter.ApplyOnCreate(resource, job);
        var manual = Defaulted("batch", "v1", "jobs", """
            {"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"m","uid":"u-2"},
             "spec":{"manualSelector":true,"selector":{"matchLabels":{"app":"m"}},"template":{"metadata":{"labels":{"app":"m"}},"spec":{"containers":[]}}}}
            """);
        ObjectDefaulter.ApplyOnCreate(resource, manual);
        Assert.Multiple(() =>
        {
            Assert.That(At(job, "spec.selector"), Is.EqualTo("""{"matchLabels":{"batch.kubernetes.io/controller-uid":"u-1"}}"""));
            Assert.That(At(job, "spec.template.metadata.labels"), Is.EqualTo(
                """{"job-name":"pi","batch.kubernetes.io/job-name":"pi","controller-uid":"u-1","batch.kubernetes.io/controller-uid":"u-1"}"""));
            Assert.That(At(job, "metadata.labels"), Is.EqualTo(At(job, "spec.template.metadata.labels")));
            Assert.That(At(manual, "spec.selector"), Is.EqualTo("""{"matchLabels":{"app":"m"}}"""));
            Assert.That(At(manual, "spec.template.metadata.labels"), Is.EqualTo("""{"app":"m"}"""));
        });
    }

    [Test]
    public void A_work_queue_job_keeps_completions_unset()
    {
        var job = Defaulted("batch", "v1", "jobs", """
            {"kind":"Job","spec":{"parallelism":3,"backoffLimitPerIndex":1,"podFailurePolicy":{"rules":[{"action":"Ignore","onPodConditions":[{"type":"DisruptionTarget"}]}]},
             "template":{"spec":{"containers":[]}}}}
            """);
        Assert.Multiple(() =>
        {
            Assert.That(At(job, "spec.parallelism"), Is.EqualTo("3"));
            Assert.That(At(job, "spec.completions"), Is.Null);
            Assert.That(At(job, "spec.backoffLimit"), Is.EqualTo(int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(At(job, "spec.podFailurePolicy.rules.0.onPodConditions.0.status"), Is.EqualTo("\"True\""));
            Assert.That(At(job, "spec.podReplacementPolicy"), Is.EqualTo("\"Failed\""));
        });
    }

    [Test]
    public void A_cron_job_gets_its_defaults_down_to_the_containers()
    {
        var cronJob = Defaulted("batch", "v1", "cronjobs", """
            {"apiVersion":"batch/v1","kind":"CronJob","metadata":{"name":"c"},"spec":{"schedule":"*/5 * * * *",
             "jobTemplate":{"spec":{"template":{"spec":{"restartPolicy":"OnFailure","containers":[{"name":"c","image":"busybox:1.36"}]}}}}}}
            """);
        Assert.Multiple(() =>
        {
            Assert.That(At(cronJob, "spec.concurrencyPolicy"), Is.EqualTo("\"Allow\""));
            Assert.That(At(cronJob, "spec.suspend"), Is.EqualTo("false"));
            Assert.That(At(cronJob, "spec.successfulJobsHistoryLimit"), Is.EqualTo("3"));
            Assert.That(At(cronJob, "spec.failedJobsHistoryLimit"), Is.EqualTo("1"));
            Assert.That(At(cronJob, "spec.jobTemplate.spec.template.spec.restartPolicy"), Is.EqualTo("\"OnFailure\""));
            Assert.That(At(cronJob, "spec.jobTemplate.spec.template.spec.dnsPolicy"), Is.EqualTo("\"ClusterFirst\""));
            Assert.That(At(cronJob, "spec.jobTemplate.spec.template.spec.containers.0.imagePullPolicy"), Is.EqualTo("\"IfNotPresent\""));
            Assert.That(At(cronJob, "spec.jobTemplate.spec.template.spec.containers.0.terminationMessagePath"), Is.EqualTo("\"/dev/termination-log\""));
        });
    }

    [Test]
    public void Workload_kinds_get_their_spec_defaults()
    {
        var statefulSet = Defaulted("apps", "v1", "statefulsets", """
            {"kind":"StatefulSet","spec":{"template":{"spec":{"containers":[]}},"volumeClaimTemplates":[{"metadata":{"name":"data"},"spec":{}}]}}
            """);
        var daemonSet = Defaulted("apps", "v1", "daemonsets", """{"kind":"DaemonSet","spec":{"template":{"spec":{"containers":[]}}}}""");
        var replicaSet = Defaulted("apps", "v1", "replicasets", """{"kind":"ReplicaSet","spec":{}}""");
        var controller = Defaulted("", "v1", "replicationcontrollers", """
            {"kind":"ReplicationController","metadata":{"name":"rc"},"spec":{"template":{"metadata":{"labels":{"a":"b"}},"spec":{"containers":[]}}}}
            """);
        Assert.Multiple(() =>
        {
            Assert.That(At(statefulSet, "spec.replicas"), Is.EqualTo("1"));
            Assert.That(At(statefulSet, "spec.podManagementPolicy"), Is.EqualTo("\"OrderedReady\""));
            Assert.That(At(statefulSet, "spec.updateStrategy"), Is.EqualTo("""{"type":"RollingUpdate","rollingUpdate":{"partition":0}}"""));
            Assert.That(At(statefulSet, "spec.revisionHistoryLimit"), Is.EqualTo("10"));
            Assert.That(At(statefulSet, "spec.persistentVolumeClaimRetentionPolicy"), Is.EqualTo("""{"whenDeleted":"Retain","whenScaled":"Retain"}"""));
            Assert.That(At(statefulSet, "spec.volumeClaimTemplates.0.spec.volumeMode"), Is.EqualTo("\"Filesystem\""));
            Assert.That(At(statefulSet, "spec.template.spec.restartPolicy"), Is.EqualTo("\"Always\""));
            Assert.That(At(daemonSet, "spec.updateStrategy"), Is.EqualTo("""{"type":"RollingUpdate","rollingUpdate":{"maxUnavailable":1,"maxSurge":0}}"""));
            Assert.That(At(daemonSet, "spec.revisionHistoryLimit"), Is.EqualTo("10"));
            Assert.That(At(replicaSet, "spec.replicas"), Is.EqualTo("1"));
            Assert.That(At(controller, "spec.replicas"), Is.EqualTo("1"));
            Assert.That(At(controller, "spec.selector"), Is.EqualTo("""{"a":"b"}"""));
            Assert.That(At(controller, "metadata.labels"), Is.EqualTo("""{"a":"b"}"""));
        });
    }

    [Test]
    public void Namespace_secret_and_claim_defaults()
    {
        var ns = Defaulted("", "v1", "namespaces", """{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"team"}}""");
        var secret = Defaulted("", "v1", "secrets", """{"kind":"Secret","metadata":{"name":"s"}}""");
        var tlsSecret = Defaulted("", "v1", "secrets", """{"kind":"Secret","type":"kubernetes.io/tls"}""");
        var claim = Defaulted("", "v1", "persistentvolumeclaims", """{"kind":"PersistentVolumeClaim","spec":{"accessModes":["ReadWriteOnce"]}}""");
        Assert.Multiple(() =>
        {
            Assert.That(ns["spec"]?["finalizers"], Is.Null, "the registry adds the kubernetes finalizer on create, not defaulting");
            Assert.That(At(ns, "status.phase"), Is.EqualTo("\"Active\""));
            Assert.That(At(ns, "metadata.labels"), Is.EqualTo("""{"kubernetes.io/metadata.name":"team"}"""));
            Assert.That(At(secret, "type"), Is.EqualTo("\"Opaque\""));
            Assert.That(At(tlsSecret, "type"), Is.EqualTo("\"kubernetes.io/tls\""));
            Assert.That(At(claim, "spec.volumeMode"), Is.EqualTo("\"Filesystem\""));
            Assert.That(At(claim, "status.phase"), Is.EqualTo("\"Pending\""));
        });
    }

    [Test]
    public void Unknown_kinds_are_left_alone()
    {
        var configMap = Defaulted("", "v1", "configmaps", """{"kind":"ConfigMap","metadata":{"name":"c"}}""");
        Assert.That(configMap.ToJsonString(), Is.EqualTo("""{"kind":"ConfigMap","metadata":{"name":"c"}}"""));
    }
}
