using System.Text;
using System.Text.Json.Nodes;
using Kubelike.Api.Apps.V1;
using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Api.Primitives;

namespace Kubelike.Api.Tests;

public class JsonRoundTripTests
{
    private const string DeploymentJson = """
        {
          "apiVersion": "apps/v1",
          "kind": "Deployment",
          "metadata": {
            "name": "web",
            "namespace": "default",
            "uid": "6f1a3c2e-8d44-4b8e-9d0a-1c2b3d4e5f60",
            "resourceVersion": "1234",
            "generation": 3,
            "creationTimestamp": "2025-05-01T10:20:30Z",
            "labels": { "app": "web", "tier": "frontend" },
            "annotations": { "deployment.kubernetes.io/revision": "2" },
            "managedFields": [
              {
                "manager": "kubectl-create",
                "operation": "Update",
                "apiVersion": "apps/v1",
                "time": "2025-05-01T10:20:30Z",
                "fieldsType": "FieldsV1",
                "fieldsV1": { "f:spec": { "f:replicas": {} } }
              }
            ]
          },
          "spec": {
            "replicas": 3,
            "selector": { "matchLabels": { "app": "web" } },
            "strategy": {
              "type": "RollingUpdate",
              "rollingUpdate": { "maxUnavailable": 0, "maxSurge": "25%" }
            },
            "revisionHistoryLimit": 10,
            "progressDeadlineSeconds": 600,
            "template": {
              "metadata": { "labels": { "app": "web" } },
              "spec": {
                "containers": [
                  {
                    "name": "nginx",
                    "image": "nginx:1.27",
                    "ports": [ { "name": "http", "containerPort": 80, "protocol": "TCP" } ],
                    "env": [
                      { "name": "MODE", "value": "prod" },
                      { "name": "POD_IP", "valueFrom": { "fieldRef": { "apiVersion": "v1", "fieldPath": "status.podIP" } } }
                    ],
                    "resources": {
                      "limits": { "cpu": "500m", "memory": "128Mi" },
                      "requests": { "cpu": "250m", "memory": "64Mi" }
                    },
                    "imagePullPolicy": "IfNotPresent",
                    "terminationMessagePath": "/dev/termination-log",
                    "terminationMessagePolicy": "File"
                  }
                ],
                "restartPolicy": "Always",
                "terminationGracePeriodSeconds": 30,
                "dnsPolicy": "ClusterFirst",
                "securityContext": {},
                "schedulerName": "default-scheduler"
              }
            }
          },
          "status": {
            "observedGeneration": 3,
            "replicas": 3,
            "updatedReplicas": 3,
            "readyReplicas": 3,
            "availableReplicas": 3,
            "conditions": [
              {
                "type": "Available",
                "status": "True",
                "lastUpdateTime": "2025-05-01T10:21:00Z",
                "lastTransitionTime": "2025-05-01T10:21:00Z",
                "reason": "MinimumReplicasAvailable",
                "message": "Deployment has minimum availability."
              }
            ]
          }
        }
        """;

    private const string PodJson = """
        {
          "apiVersion": "v1",
          "kind": "Pod",
          "metadata": {
            "name": "app-0",
            "namespace": "prod",
            "ownerReferences": [
              { "apiVersion": "apps/v1", "kind": "StatefulSet", "name": "app", "uid": "0b6e1b6c-0000-4000-8000-000000000001", "controller": true, "blockOwnerDeletion": true }
            ],
            "finalizers": [ "example.com/cleanup" ]
          },
          "spec": {
            "initContainers": [
              { "name": "init", "image": "busybox", "command": [ "sh", "-c", "echo init" ], "restartPolicy": "Always" }
            ],
            "containers": [
              {
                "name": "app",
                "image": "registry.local/app:v2",
                "args": [ "--port=8080" ],
                "ports": [ { "name": "http", "containerPort": 8080 } ],
                "envFrom": [ { "configMapRef": { "name": "app-config" } }, { "prefix": "DB_", "secretRef": { "name": "db", "optional": true } } ],
                "resources": {
                  "limits": { "cpu": "1", "memory": "1Gi", "nvidia.com/gpu": "1" },
                  "requests": { "cpu": "100m", "memory": "256Mi", "ephemeral-storage": "1.5Gi" }
                },
                "livenessProbe": {
                  "httpGet": { "path": "/healthz", "port": "http", "scheme": "HTTP", "httpHeaders": [ { "name": "X-Probe", "value": "1" } ] },
                  "initialDelaySeconds": 5,
                  "periodSeconds": 10,
                  "timeoutSeconds": 1,
                  "successThreshold": 1,
                  "failureThreshold": 3
                },
                "readinessProbe": { "tcpSocket": { "port": 8080 }, "periodSeconds": 5 },
                "startupProbe": { "exec": { "command": [ "cat", "/tmp/ready" ] }, "failureThreshold": 30 },
                "lifecycle": { "preStop": { "sleep": { "seconds": 5 } } },
                "volumeMounts": [
                  { "name": "data", "mountPath": "/data" },
                  { "name": "config", "mountPath": "/etc/app", "readOnly": true },
                  { "name": "cache", "mountPath": "/cache", "subPath": "app" }
                ],
                "securityContext": {
                  "runAsNonRoot": true,
                  "runAsUser": 1000,
                  "allowPrivilegeEscalation": false,
                  "readOnlyRootFilesystem": true,
                  "capabilities": { "drop": [ "ALL" ], "add": [ "NET_BIND_SERVICE" ] },
                  "seccompProfile": { "type": "RuntimeDefault" }
                }
              }
            ],
            "ephemeralContainers": [
              { "name": "debugger", "image": "busybox", "stdin": true, "tty": true, "targetContainerName": "app" }
            ],
            "volumes": [
              { "name": "data", "persistentVolumeClaim": { "claimName": "data-app-0" } },
              { "name": "config", "configMap": { "name": "app-config", "defaultMode": 420, "items": [ { "key": "app.yaml", "path": "app.yaml" } ] } },
              { "name": "cache", "emptyDir": { "medium": "Memory", "sizeLimit": "512Mi" } },
              { "name": "certs", "secret": { "secretName": "tls", "optional": false } },
              { "name": "host", "hostPath": { "path": "/var/log", "type": "Directory" } },
              {
                "name": "token",
                "projected": {
                  "sources": [
                    { "serviceAccountToken": { "audience": "api", "expirationSeconds": 3600, "path": "token" } },
                    { "downwardAPI": { "items": [ { "path": "labels", "fieldRef": { "fieldPath": "metadata.labels" } } ] } }
                  ]
                }
              },
              {
                "name": "scratch",
                "ephemeral": {
                  "volumeClaimTemplate": {
                    "spec": { "accessModes": [ "ReadWriteOnce" ], "resources": { "requests": { "storage": "1Gi" } } }
                  }
                }
              }
            ],
            "nodeSelector": { "kubernetes.io/os": "linux" },
            "serviceAccountName": "app",
            "hostname": "app-0",
            "subdomain": "app",
            "affinity": {
              "nodeAffinity": {
                "requiredDuringSchedulingIgnoredDuringExecution": {
                  "nodeSelectorTerms": [ { "matchExpressions": [ { "key": "zone", "operator": "In", "values": [ "a", "b" ] } ] } ]
                }
              },
              "podAntiAffinity": {
                "preferredDuringSchedulingIgnoredDuringExecution": [
                  { "weight": 100, "podAffinityTerm": { "labelSelector": { "matchLabels": { "app": "app" } }, "topologyKey": "kubernetes.io/hostname" } }
                ]
              }
            },
            "tolerations": [
              { "key": "node.kubernetes.io/not-ready", "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 300 }
            ],
            "topologySpreadConstraints": [
              { "maxSkew": 1, "topologyKey": "zone", "whenUnsatisfiable": "DoNotSchedule", "labelSelector": { "matchLabels": { "app": "app" } } }
            ],
            "securityContext": { "fsGroup": 2000, "sysctls": [ { "name": "net.core.somaxconn", "value": "1024" } ] },
            "priority": 0,
            "enableServiceLinks": true,
            "preemptionPolicy": "PreemptLowerPriority",
            "overhead": { "cpu": "10m" }
          },
          "status": {
            "phase": "Running",
            "conditions": [ { "type": "Ready", "status": "True", "lastProbeTime": null, "lastTransitionTime": "2025-05-01T10:21:00Z" } ],
            "hostIP": "10.0.0.5",
            "hostIPs": [ { "ip": "10.0.0.5" } ],
            "podIP": "10.244.1.7",
            "podIPs": [ { "ip": "10.244.1.7" } ],
            "startTime": "2025-05-01T10:20:31Z",
            "qosClass": "Burstable",
            "containerStatuses": [
              {
                "name": "app",
                "state": { "running": { "startedAt": "2025-05-01T10:20:40Z" } },
                "lastState": { "terminated": { "exitCode": 137, "reason": "OOMKilled", "startedAt": "2025-05-01T10:20:32Z", "finishedAt": "2025-05-01T10:20:39Z" } },
                "ready": true,
                "restartCount": 1,
                "image": "registry.local/app:v2",
                "imageID": "sha256:abc",
                "containerID": "containerd://123",
                "started": true,
                "allocatedResources": { "cpu": "100m" }
              }
            ]
          }
        }
        """;

    private const string ServiceJson = """
        {
          "apiVersion": "v1",
          "kind": "Service",
          "metadata": { "name": "web", "namespace": "default" },
          "spec": {
            "type": "NodePort",
            "selector": { "app": "web" },
            "ports": [
              { "name": "http", "protocol": "TCP", "port": 80, "targetPort": "http", "nodePort": 30080 },
              { "name": "metrics", "protocol": "TCP", "port": 9090, "targetPort": 9090 }
            ],
            "clusterIP": "10.96.0.12",
            "clusterIPs": [ "10.96.0.12" ],
            "ipFamilies": [ "IPv4" ],
            "ipFamilyPolicy": "SingleStack",
            "sessionAffinity": "None",
            "externalTrafficPolicy": "Cluster",
            "internalTrafficPolicy": "Cluster"
          },
          "status": { "loadBalancer": {} }
        }
        """;

    [Test]
    public void DeploymentRoundTripPreservesEveryField()
    {
        var deployment = KubernetesJson.Deserialize<Deployment>(DeploymentJson, strict: true)!;

        Assert.That(deployment.Spec!.Replicas, Is.EqualTo(3));
        Assert.That(deployment.Spec.Strategy!.RollingUpdate!.MaxSurge, Is.EqualTo(IntOrString.FromString("25%")));
        Assert.That(deployment.Spec.Strategy.RollingUpdate.MaxUnavailable, Is.EqualTo(IntOrString.FromInt32(0)));
        Assert.That(deployment.Metadata!.CreationTimestamp!.Value.Value, Is.EqualTo(new DateTimeOffset(2025, 5, 1, 10, 20, 30, TimeSpan.Zero)));
        Assert.That(deployment.Metadata.ManagedFields![0].FieldsV1!["f:spec"]!["f:replicas"], Is.InstanceOf<JsonObject>());
        var container = deployment.Spec.Template!.Spec!.Containers![0];
        Assert.That(container.Resources!.Limits!["memory"], Is.EqualTo(Quantity.Parse("128Mi")));
        Assert.That(container.Env![1].ValueFrom!.FieldRef!.FieldPath, Is.EqualTo("status.podIP"));
        Assert.That(deployment.Spec.Template.Spec.SecurityContext, Is.Not.Null, "an empty object stays an object");

        AssertRoundTrip(DeploymentJson, deployment);
    }

    [Test]
    public void PodWithProbesVolumesAndResourcesRoundTrips()
    {
        var pod = KubernetesJson.Deserialize<Pod>(PodJson, strict: true)!;

        var app = pod.Spec!.Containers![0];
        Assert.That(app.LivenessProbe!.HttpGet!.Port!.StringValue, Is.EqualTo("http"));
        Assert.That(app.ReadinessProbe!.TcpSocket!.Port!.IntValue, Is.EqualTo(8080));
        Assert.That(app.StartupProbe!.Exec!.Command, Is.EqualTo(new[] { "cat", "/tmp/ready" }));
        Assert.That(app.Resources!.Requests!["ephemeral-storage"].ToCanonicalString(), Is.EqualTo("1536Mi"));
        Assert.That(app.Resources.Limits!["cpu"].ToMilliValue(), Is.EqualTo(1000));
        Assert.That(app.SecurityContext!.Capabilities!.Drop, Is.EqualTo(new[] { "ALL" }));
        Assert.That(pod.Spec.EphemeralContainers![0].TargetContainerName, Is.EqualTo("app"));
        Assert.That(pod.Spec.Volumes!.Single(v => v.Name == "cache").EmptyDir!.SizeLimit!.ToString(), Is.EqualTo("512Mi"));
        Assert.That(pod.Spec.Volumes!.Single(v => v.Name == "data").PersistentVolumeClaim!.ClaimName, Is.EqualTo("data-app-0"));
        Assert.That(pod.Spec.Volumes!.Single(v => v.Name == "token").Projected!.Sources![0].ServiceAccountToken!.ExpirationSeconds, Is.EqualTo(3600));
        Assert.That(pod.Spec.Affinity!.NodeAffinity!.RequiredDuringSchedulingIgnoredDuringExecution!.NodeSelectorTerms![0].MatchExpressions![0].Values, Is.EqualTo(new[] { "a", "b" }));
        Assert.That(pod.Spec.Tolerations![0].TolerationSeconds, Is.EqualTo(300L));
        Assert.That(pod.Status!.ContainerStatuses![0].LastState!.Terminated!.ExitCode, Is.EqualTo(137));
        Assert.That(pod.Status.Conditions![0].LastProbeTime, Is.Null);

        // "lastProbeTime": null is the only field that does not come back: nulls are omitted.
        var expected = JsonNode.Parse(PodJson)!;
        expected["status"]!["conditions"]![0]!.AsObject().Remove("lastProbeTime");
        AssertRoundTrip(expected.ToJsonString(), pod);
    }

    [Test]
    public void ServiceTargetPortKeepsNumberOrString()
    {
        var service = KubernetesJson.Deserialize<Service>(ServiceJson, strict: true)!;

        Assert.That(service.Spec!.Ports![0].TargetPort!.IsInt, Is.False);
        Assert.That(service.Spec.Ports[0].TargetPort!.StringValue, Is.EqualTo("http"));
        Assert.That(service.Spec.Ports[1].TargetPort!.IsInt, Is.True);
        Assert.That(service.Spec.Ports[1].TargetPort!.IntValue, Is.EqualTo(9090));
        Assert.That(service.Status!.LoadBalancer, Is.Not.Null);

        var json = KubernetesJson.Serialize(service);
        Assert.That(json, Does.Contain("\"targetPort\":\"http\""));
        Assert.That(json, Does.Contain("\"targetPort\":9090"));
        AssertRoundTrip(ServiceJson, service);
    }

    [Test]
    public void SecretDataIsBase64Bytes()
    {
        const string json = """
            {"apiVersion":"v1","kind":"Secret","metadata":{"name":"db","namespace":"default"},"type":"Opaque",
             "data":{"password":"czNjcjN0","bin":"AAEC/w=="},"immutable":true}
            """;
        var secret = KubernetesJson.Deserialize<Secret>(json, strict: true)!;

        Assert.That(Encoding.UTF8.GetString(secret.Data!["password"]), Is.EqualTo("s3cr3t"));
        Assert.That(secret.Data["bin"], Is.EqualTo(new byte[] { 0, 1, 2, 255 }));
        AssertRoundTrip(json, secret);

        var created = new Secret
        {
            ApiVersion = "v1",
            Kind = "Secret",
            Metadata = new ObjectMeta { Name = "x" },
            Data = new Dictionary<string, byte[]> { ["k"] = Encoding.UTF8.GetBytes("value") },
        };
        Assert.That(KubernetesJson.Serialize(created), Is.EqualTo("""{"apiVersion":"v1","kind":"Secret","metadata":{"name":"x"},"data":{"k":"dmFsdWU="}}"""));
    }

    [Test]
    public void NullsAreOmittedAndEmptyCollectionsAreKept()
    {
        var pod = new Pod
        {
            ApiVersion = "v1",
            Kind = "Pod",
            Metadata = new ObjectMeta { Name = "p", Labels = new Dictionary<string, string>() },
            Spec = new PodSpec
            {
                Containers = [new Container { Name = "c", Image = "busybox", Args = [] }],
            },
        };

        var json = KubernetesJson.Serialize(pod);

        Assert.That(json, Is.EqualTo("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","labels":{}},"spec":{"containers":[{"name":"c","image":"busybox","args":[]}]}}"""));
        var back = KubernetesJson.Deserialize<Pod>(json)!;
        Assert.That(back.Metadata!.Labels, Is.Empty);
        Assert.That(back.Metadata.Annotations, Is.Null, "absent stays absent");
        Assert.That(back.Spec!.Containers![0].Args, Is.Empty);
        Assert.That(back.Spec.Containers[0].Command, Is.Null);
    }

    [Test]
    public void WatchEventAndStatusCarryRawObjects()
    {
        const string json = """{"type":"ADDED","object":{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a"},"data":{"k":"v"}}}""";
        var ev = KubernetesJson.Deserialize<WatchEvent>(json, strict: true)!;

        Assert.That(ev.Type, Is.EqualTo("ADDED"));
        var cm = KubernetesJson.Deserialize<ConfigMap>(ev.Object)!;
        Assert.That(cm.Data!["k"], Is.EqualTo("v"));
        Assert.That(KubernetesJson.Serialize(ev), Is.EqualTo(json));

        const string status = """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"deployments.apps \"web\" not found","reason":"NotFound","details":{"name":"web","group":"apps","kind":"deployments"},"code":404}""";
        var s = KubernetesJson.Deserialize<Status>(status, strict: true)!;
        Assert.That(s.Code, Is.EqualTo(404));
        Assert.That(s.Details!.Kind, Is.EqualTo("deployments"));
        AssertRoundTrip(status, s);
    }

    private static void AssertRoundTrip<T>(string originalJson, T value)
    {
        var expected = JsonNode.Parse(originalJson);
        var actual = JsonNode.Parse(KubernetesJson.Serialize(value));
        Assert.That(JsonNode.DeepEquals(expected, actual), Is.True, () => $"round trip differs:\nexpected {expected!.ToJsonString()}\nactual   {actual!.ToJsonString()}");
    }
}
