using System.Text.Json.Nodes;
using Kubelike.Api.Coordination.V1;
using Kubelike.Api.Scheduling.V1;
using Kubelike.Api.Storage.V1;
using static Kubelike.ApiMachinery.Tables.TableJson;

namespace Kubelike.ApiMachinery.Tables;

/// <summary>
/// Printers for rbac, storage, scheduling, coordination, discovery, policy and autoscaling kinds, as kube-apiserver 1.33
/// prints them.
/// </summary>
internal static class ClusterPrinters
{
    public static void Register(Dictionary<(string, string), KindPrinter> printers)
    {
        printers[("rbac.authorization.k8s.io", "rolebindings")] = Binding("roleBinding");
        printers[("rbac.authorization.k8s.io", "clusterrolebindings")] = Binding("clusterRoleBinding");

        printers[("storage.k8s.io", "storageclasses")] = new(
        [
            Column.Name,
            Column.Of("Provisioner", "string", Doc<StorageClass>("provisioner")),
            Column.Of("ReclaimPolicy", "string", Doc<StorageClass>("reclaimPolicy")),
            Column.Of("VolumeBindingMode", "string", Doc<StorageClass>("volumeBindingMode")),
            Column.Of("AllowVolumeExpansion", "string", Doc<StorageClass>("allowVolumeExpansion")),
            Column.Age,
        ], (o, now) =>
        {
            var isDefault = Str(o, "metadata", "annotations", "storageclass.kubernetes.io/is-default-class") == "true"
                || Str(o, "metadata", "annotations", "storageclass.beta.kubernetes.io/is-default-class") == "true";
            return [isDefault ? Name(o) + " (default)" : Name(o), Str(o, "provisioner"), StrOrNull(o, "reclaimPolicy") ?? "Delete",
                StrOrNull(o, "volumeBindingMode") ?? "Immediate", Bool(o, "allowVolumeExpansion"), Age(o, now)];
        });

        printers[("scheduling.k8s.io", "priorityclasses")] = new(
        [
            Column.Name,
            Column.Of("Value", "integer", Doc<PriorityClass>("value")),
            Column.Of("Global-Default", "boolean", Doc<PriorityClass>("globalDefault")),
            Column.Age,
            Column.Of("PreemptionPolicy", "string", Doc<PriorityClass>("preemptionPolicy")),
        ], (o, now) => [Name(o), Int(o, "value"), Bool(o, "globalDefault"), Age(o, now), Str(o, "preemptionPolicy")]);

        printers[("coordination.k8s.io", "leases")] = new(
        [
            Column.Name,
            Column.Of("Holder", "string", Doc<LeaseSpec>("holderIdentity")),
            Column.Age,
        ], (o, now) => [Name(o), Str(o, "spec", "holderIdentity"), Age(o, now)]);

        printers[("discovery.k8s.io", "endpointslices")] = new(
        [
            Column.Name,
            Column.Of("AddressType", "string", TableJson.Doc<Kubelike.Api.Discovery.V1.EndpointSlice>("addressType")),
            Column.Of("Ports", "string", TableJson.Doc<Kubelike.Api.Discovery.V1.EndpointSlice>("ports")),
            Column.Of("Endpoints", "string", TableJson.Doc<Kubelike.Api.Discovery.V1.EndpointSlice>("endpoints")),
            Column.Age,
        ], (o, now) =>
        {
            var ports = Objects(o, "ports").Select(p => IntOrNull(p, "port") is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : StrOrNull(p, "name") ?? "*");
            var addresses = Objects(o, "endpoints").SelectMany(e => Strings(e, "addresses"));
            return [Name(o), Str(o, "addressType"), ListWithMore(ports.ToList(), 3), ListWithMore(addresses.ToList(), 3), Age(o, now)];
        });

        printers[("policy", "poddisruptionbudgets")] = new(
        [
            Column.Name,
            Column.Of("Min Available", "string", "The minimum number of pods that must be available."),
            Column.Of("Max Unavailable", "string", "The maximum number of pods that may be unavailable."),
            Column.Of("Allowed Disruptions", "integer", "Calculated number of pods that may be disrupted at this time."),
            Column.Age,
        ], (o, now) => [Name(o), IntOrString(o, "spec", "minAvailable") ?? "N/A", IntOrString(o, "spec", "maxUnavailable") ?? "N/A",
            Int(o, "status", "disruptionsAllowed"), Age(o, now)]);

        KindPrinter hpa = new(
        [
            Column.Name,
            Column.Of("Reference", "string", TableJson.Doc<Kubelike.Api.Autoscaling.V2.HorizontalPodAutoscalerSpec>("scaleTargetRef")),
            Column.Of("Targets", "string", TableJson.Doc<Kubelike.Api.Autoscaling.V2.HorizontalPodAutoscalerSpec>("metrics")),
            Column.Of("MinPods", "string", TableJson.Doc<Kubelike.Api.Autoscaling.V2.HorizontalPodAutoscalerSpec>("minReplicas")),
            Column.Of("MaxPods", "string", TableJson.Doc<Kubelike.Api.Autoscaling.V2.HorizontalPodAutoscalerSpec>("maxReplicas")),
            Column.Of("Replicas", "string", TableJson.Doc<Kubelike.Api.Autoscaling.V2.HorizontalPodAutoscalerStatus>("currentReplicas")),
            Column.Age,
        ], (o, now) =>
        {
            var reference = $"{Str(o, "spec", "scaleTargetRef", "kind")}/{Str(o, "spec", "scaleTargetRef", "name")}";
            var minPods = IntOrNull(o, "spec", "minReplicas") is { } min ? min.ToString(System.Globalization.CultureInfo.InvariantCulture) : "<unset>";
            return [Name(o), reference, HpaTargets.Format(o), minPods, Int(o, "spec", "maxReplicas"), Int(o, "status", "currentReplicas"), Age(o, now)];
        });
        printers[("autoscaling", "horizontalpodautoscalers")] = hpa;
    }

    private static KindPrinter Binding(string what) => new(
    [
        Column.Name,
        Column.Of("Role", "string", TableJson.Doc<Kubelike.Api.Rbac.V1.RoleBinding>("roleRef")),
        Column.Age,
        Column.Wide("Users", "string", $"Users in the {what}"),
        Column.Wide("Groups", "string", $"Groups in the {what}"),
        Column.Wide("ServiceAccounts", "string", $"ServiceAccounts in the {what}"),
    ], (o, now) =>
    {
        var subjects = Objects(o, "subjects").ToList();
        var users = subjects.Where(s => Str(s, "kind") == "User").Select(s => Str(s, "name"));
        var groups = subjects.Where(s => Str(s, "kind") == "Group").Select(s => Str(s, "name"));
        var serviceAccounts = subjects.Where(s => Str(s, "kind") == "ServiceAccount").Select(s => $"{Str(s, "namespace")}/{Str(s, "name")}");
        return [Name(o), $"{Str(o, "roleRef", "kind")}/{Str(o, "roleRef", "name")}", Age(o, now),
            string.Join(", ", users), string.Join(", ", groups), string.Join(", ", serviceAccounts)];
    });

    /// <summary>listWithMoreString: the first few items, "+ N more...", or "&lt;unset&gt;" when there are none.</summary>
    private static string ListWithMore(List<string> items, int max)
    {
        var joined = string.Join(",", items.Take(max));
        if (items.Count > max)
            return $"{joined} + {items.Count - max} more...";
        return joined.Length == 0 ? "<unset>" : joined;
    }
}
