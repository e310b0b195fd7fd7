using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Defaulting;
using Kubelike.ApiMachinery.Registry;

namespace Kubelike.ApiMachinery.Tests.Defaulting;

public class OtherGroupsDefaultingTests
{
    private static JsonObject Defaulted(string group, string version, string plural, string json)
    {
        var resource = ResourceRegistry.BuiltIn.Find(group, version, plural) ?? throw new InvalidOperationException($"no {plural}");
        var obj = JsonNode.Parse(json)!.AsObject();
        ObjectDefaulter.Apply(resource, obj);
        return obj;
    }

    [Test]
    public void A_v2_autoscaler_gets_min_replicas_a_cpu_metric_and_a_full_behavior()
    {
        var hpa = Defaulted("autoscaling", "v2", "horizontalpodautoscalers", """
            {"kind":"HorizontalPodAutoscaler","spec":{"maxReplicas":5,"behavior":{"scaleDown":{"stabilizationWindowSeconds":60}}}}
            """);
        Assert.Multiple(() =>
        {
            Assert.That(hpa["spec"]!["minReplicas"]!.ToJsonString(), Is.EqualTo("1"));
            Assert.That(hpa["spec"]!["metrics"]!.ToJsonString(), Is.EqualTo(
                """[{"type":"Resource","resource":{"name":"cpu","target":{"type":"Utilization","averageUtilization":80}}}]"""));
            Assert.That(hpa["spec"]!["behavior"]!["scaleDown"]!.ToJsonString(), Is.EqualTo(
                """{"stabilizationWindowSeconds":60,"selectPolicy":"Max","policies":[{"type":"Percent","value":100,"periodSeconds":15}]}"""));
            Assert.That(hpa["spec"]!["behavior"]!["scaleUp"]!.ToJsonString(), Is.EqualTo(
                """{"stabilizationWindowSeconds":0,"selectPolicy":"Max","policies":[{"type":"Pods","value":4,"periodSeconds":15},{"type":"Percent","value":100,"periodSeconds":15}]}"""));
        });
    }

    [Test]
    public void Network_policy_types_and_port_protocols()
    {
        var policy = Defaulted("networking.k8s.io", "v1", "networkpolicies", """
            {"kind":"NetworkPolicy","spec":{"podSelector":{},"ingress":[{"ports":[{"port":80}]}],"egress":[{}]}}
            """);
        Assert.Multiple(() =>
        {
            Assert.That(policy["spec"]!["policyTypes"]!.ToJsonString(), Is.EqualTo("""["Ingress","Egress"]"""));
            Assert.That(policy["spec"]!["ingress"]![0]!["ports"]![0]!["protocol"]!.GetValue<string>(), Is.EqualTo("TCP"));
        });
    }

    [Test]
    public void Role_binding_subjects_get_their_api_group()
    {
        var binding = Defaulted("rbac.authorization.k8s.io", "v1", "rolebindings", """
            {"kind":"RoleBinding","roleRef":{"kind":"Role","name":"r"},
             "subjects":[{"kind":"User","name":"u"},{"kind":"ServiceAccount","name":"sa","namespace":"ns"}]}
            """);
        Assert.Multiple(() =>
        {
            Assert.That(binding["roleRef"]!["apiGroup"]!.GetValue<string>(), Is.EqualTo("rbac.authorization.k8s.io"));
            Assert.That(binding["subjects"]![0]!["apiGroup"]!.GetValue<string>(), Is.EqualTo("rbac.authorization.k8s.io"));
            Assert.That(binding["subjects"]![1]!["apiGroup"]!.GetValue<string>(), Is.EqualTo(""));
        });
    }

    [Test]
    public void Storage_class_priority_class_and_endpoint_slice_defaults()
    {
        var storageClass = Defaulted("storage.k8s.io", "v1", "storageclasses", """{"kind":"StorageClass","provisioner":"x"}""");
        var priorityClass = Defaulted("scheduling.k8s.io", "v1", "priorityclasses", """{"kind":"PriorityClass","value":10}""");
        var slice = Defaulted("discovery.k8s.io", "v1", "endpointslices", """{"kind":"EndpointSlice","addressType":"IPv4","ports":[{"port":80}]}""");
        Assert.Multiple(() =>
        {
            Assert.That(storageClass["reclaimPolicy"]!.GetValue<string>(), Is.EqualTo("Delete"));
            Assert.That(storageClass["volumeBindingMode"]!.GetValue<string>(), Is.EqualTo("Immediate"));
            Assert.That(priorityClass["preemptionPolicy"]!.GetValue<string>(), Is.EqualTo("PreemptLowerPriority"));
            Assert.That(slice["ports"]!.ToJsonString(), Is.EqualTo("""[{"port":80,"name":"","protocol":"TCP"}]"""));
        });
    }
}
