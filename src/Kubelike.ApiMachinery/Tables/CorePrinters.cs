using System.Globalization;
using System.Text.Json.Nodes;
using Kubelike.Api.Core.V1;
using static Kubelike.ApiMachinery.Tables.TableJson;

namespace Kubelike.ApiMachinery.Tables;

/// <summary>Printers for the core group ("" / v1), as kube-apiserver 1.33 prints them.</summary>
internal static class CorePrinters
{
    public static void Register(Dictionary<(string, string), KindPrinter> printers)
    {
        printers[("", "pods")] = new(
        [
            Column.Name,
            Column.Of("Ready", "string", "The aggregate readiness state of this pod for accepting traffic."),
            Column.Of("Status", "string", "The aggregate status of the containers in this pod."),
            Column.Of("Restarts", "string", "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted."),
            Column.Age,
            Column.Wide("IP", "string", Doc<PodStatus>("podIP")),
            Column.Wide("Node", "string", Doc<PodSpec>("nodeName")),
            Column.Wide("Nominated Node", "string", Doc<PodStatus>("nominatedNodeName")),
            Column.Wide("Readiness Gates", "string", Doc<PodSpec>("readinessGates")),
        ], PodPrinter.Cells);

        printers[("", "podtemplates")] = new(
        [
            Column.Name,
            Column.Of("Containers", "string", "Names of each container in the template."),
            Column.Of("Images", "string", "Images referenced by each container in the template."),
            Column.Of("Pod Labels", "string", "The labels for the pod template."),
        ], (o, _) =>
        {
            var (names, images) = Containers(At(o, "template", "spec"));
            return [Name(o), names, images, FormatLabels(Map(o, "template", "metadata", "labels"))];
        });

        printers[("", "replicationcontrollers")] = new(
        [
            Column.Name,
            Column.Of("Desired", "integer", Doc<ReplicationControllerSpec>("replicas")),
            Column.Of("Current", "integer", Doc<ReplicationControllerStatus>("replicas")),
            Column.Of("Ready", "integer", Doc<ReplicationControllerStatus>("readyReplicas")),
            Column.Age,
            Column.Containers,
            Column.Images,
            Column.Wide("Selector", "string", Doc<ReplicationControllerSpec>("selector")),
        ], (o, now) =>
        {
            var (names, images) = Containers(At(o, "spec", "template", "spec"));
            return [Name(o), IntOrNull(o, "spec", "replicas") ?? 1, Int(o, "status", "replicas"), Int(o, "status", "readyReplicas"), Age(o, now),
                names, images, FormatLabels(Map(o, "spec", "selector"))];
        });

        printers[("", "services")] = new(
        [
            Column.Name,
            Column.Of("Type", "string", Doc<ServiceSpec>("type")),
            Column.Of("Cluster-IP", "string", Doc<ServiceSpec>("clusterIP")),
            Column.Of("External-IP", "string", Doc<ServiceSpec>("externalIPs")),
            Column.Of("Port(s)", "string", Doc<ServiceSpec>("ports")),
            Column.Age,
            Column.Wide("Selector", "string", Doc<ServiceSpec>("selector")),
        ], (o, now) =>
        {
            var clusterIPs = Strings(o, "spec", "clusterIPs").ToList();
            var clusterIP = clusterIPs.Count > 0 ? clusterIPs[0] : StrOrNull(o, "spec", "clusterIP") is { Length: > 0 } ip ? ip : None;
            var ports = ServicePorts(o);
            return [Name(o), Str(o, "spec", "type"), clusterIP, ServiceExternalIP(o), ports.Length == 0 ? None : ports, Age(o, now),
                FormatLabels(Map(o, "spec", "selector"))];
        });

        printers[("", "endpoints")] = new(
        [
            Column.Name,
            Column.Of("Endpoints", "string", Doc<Endpoints>("subsets")),
            Column.Age,
        ], (o, now) => [Name(o), FormatEndpoints(o), Age(o, now)]);

        printers[("", "nodes")] = new(
        [
            Column.Name,
            Column.Of("Status", "string", "The status of the node"),
            Column.Of("Roles", "string", "The roles of the node"),
            Column.Age,
            Column.Of("Version", "string", Doc<NodeSystemInfo>("kubeletVersion")),
            Column.Wide("Internal-IP", "string", Doc<NodeStatus>("addresses")),
            Column.Wide("External-IP", "string", Doc<NodeStatus>("addresses")),
            Column.Wide("OS-Image", "string", Doc<NodeSystemInfo>("osImage")),
            Column.Wide("Kernel-Version", "string", Doc<NodeSystemInfo>("kernelVersion")),
            Column.Wide("Container-Runtime", "string", Doc<NodeSystemInfo>("containerRuntimeVersion")),
        ], NodeCells);

        printers[("", "events")] = new(EventColumns, EventCells);
        printers[("events.k8s.io", "events")] = new(EventColumns, EventCells);

        printers[("", "namespaces")] = new(
        [
            Column.Name,
            Column.Of("Status", "string", "The status of the namespace"),
            Column.Age,
        ], (o, now) => [Name(o), Str(o, "status", "phase"), Age(o, now)]);

        printers[("", "secrets")] = new(
        [
            Column.Name,
            Column.Of("Type", "string", Doc<Secret>("type")),
            Column.Of("Data", "string", Doc<Secret>("data")),
            Column.Age,
        ], (o, now) => [Name(o), Str(o, "type"), (long)Count(o, "data"), Age(o, now)]);

        printers[("", "serviceaccounts")] = new(
        [
            Column.Name,
            Column.Of("Secrets", "string", Doc<ServiceAccount>("secrets")),
            Column.Age,
        ], (o, now) => [Name(o), (long)Count(o, "secrets"), Age(o, now)]);

        printers[("", "persistentvolumes")] = new(
        [
            Column.Name,
            Column.Of("Capacity", "string", Doc<PersistentVolumeSpec>("capacity")),
            Column.Of("Access Modes", "string", Doc<PersistentVolumeSpec>("accessModes")),
            Column.Of("Reclaim Policy", "string", Doc<PersistentVolumeSpec>("persistentVolumeReclaimPolicy")),
            Column.Of("Status", "string", Doc<PersistentVolumeStatus>("phase")),
            Column.Of("Claim", "string", Doc<PersistentVolumeSpec>("claimRef")),
            Column.Of("StorageClass", "string", "StorageClass of the pv"),
            Column.Of("VolumeAttributesClass", "string", "VolumeAttributesClass of the pv"),
            Column.Of("Reason", "string", Doc<PersistentVolumeStatus>("reason")),
            Column.Age,
            Column.Wide("VolumeMode", "string", Doc<PersistentVolumeSpec>("volumeMode")),
        ], (o, now) =>
        {
            var claim = At(o, "spec", "claimRef") is JsonObject c ? $"{Str(c, "namespace")}/{Str(c, "name")}" : "";
            var phase = Deleting(o) ? "Terminating" : Str(o, "status", "phase");
            var storageClass = StrOrNull(o, "metadata", "annotations", "volume.beta.kubernetes.io/storage-class") ?? Str(o, "spec", "storageClassName");
            return [Name(o), Str(o, "spec", "capacity", "storage"), AccessModes(Strings(o, "spec", "accessModes")), Str(o, "spec", "persistentVolumeReclaimPolicy"),
                phase, claim, storageClass, StrOrNull(o, "spec", "volumeAttributesClassName") ?? "<unset>", Str(o, "status", "reason"), Age(o, now),
                StrOrNull(o, "spec", "volumeMode") ?? "<unset>"];
        });

        printers[("", "persistentvolumeclaims")] = new(
        [
            Column.Name,
            Column.Of("Status", "string", Doc<PersistentVolumeClaimStatus>("phase")),
            Column.Of("Volume", "string", Doc<PersistentVolumeClaimSpec>("volumeName")),
            Column.Of("Capacity", "string", Doc<PersistentVolumeClaimStatus>("capacity")),
            Column.Of("Access Modes", "string", Doc<PersistentVolumeClaimStatus>("accessModes")),
            Column.Of("StorageClass", "string", "StorageClass of the pvc"),
            Column.Of("VolumeAttributesClass", "string", "VolumeAttributesClass of the pvc"),
            Column.Age,
            Column.Wide("VolumeMode", "string", Doc<PersistentVolumeClaimSpec>("volumeMode")),
        ], (o, now) =>
        {
            var phase = Deleting(o) ? "Terminating" : Str(o, "status", "phase");
            var volume = Str(o, "spec", "volumeName");
            var bound = volume.Length > 0;
            var storageClass = StrOrNull(o, "metadata", "annotations", "volume.beta.kubernetes.io/storage-class") ?? Str(o, "spec", "storageClassName");
            var attributesClass = StrOrNull(o, "spec", "volumeAttributesClassName") is { Length: > 0 } vac ? vac : "<unset>";
            return [Name(o), phase, volume, bound ? Str(o, "status", "capacity", "storage") : "", bound ? AccessModes(Strings(o, "status", "accessModes")) : "",
                storageClass, attributesClass, Age(o, now), StrOrNull(o, "spec", "volumeMode") ?? "<unset>"];
        });

        printers[("", "configmaps")] = new(
        [
            Column.Name,
            Column.Of("Data", "string", Doc<ConfigMap>("data")),
            Column.Age,
        ], (o, now) => [Name(o), (long)(Count(o, "data") + Count(o, "binaryData")), Age(o, now)]);

        printers[("", "resourcequotas")] = new(
        [
            Column.Name,
            Column.Of("Request", "string", "Request represents a minimum amount of cpu/memory that a container may consume."),
            Column.Of("Limit", "string", "Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node."),
            Column.Age,
        ], (o, now) =>
        {
            var hard = Map(o, "status", "hard");
            var used = Map(o, "status", "used");
            var requests = new List<string>();
            var limits = new List<string>();
            foreach (var (resource, quantity) in hard)
            {
                var text = $"{resource}: {(used.TryGetValue(resource, out var u) ? u : "0")}/{quantity}";
                var pieces = resource.Split('.');
                (pieces.Length > 1 && pieces[0] == "limits" ? limits : requests).Add(text);
            }
            return [Name(o), string.Join(", ", requests), string.Join(", ", limits), Age(o, now)];
        });
    }

    /// <summary>The "Created At" cell: the creation timestamp in RFC 3339, UTC.</summary>
    public static string CreatedAt(JsonObject obj) =>
        Time(obj, "metadata", "creationTimestamp") is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "";

    private static string ServicePorts(JsonObject svc)
    {
        var pieces = new List<string>();
        foreach (var port in Objects(svc, "spec", "ports"))
        {
            var protocol = StrOrNull(port, "protocol") ?? "TCP";
            var nodePort = Int(port, "nodePort");
            pieces.Add(nodePort > 0 ? $"{Int(port, "port")}:{nodePort}/{protocol}" : $"{Int(port, "port")}/{protocol}");
        }
        return string.Join(",", pieces);
    }

    private static string ServiceExternalIP(JsonObject svc)
    {
        var externalIPs = Strings(svc, "spec", "externalIPs").ToList();
        switch (Str(svc, "spec", "type"))
        {
            case "ClusterIP":
            case "NodePort":
                return externalIPs.Count > 0 ? string.Join(",", externalIPs) : None;
            case "LoadBalancer":
                var lb = LoadBalancerAddresses(At(svc, "status", "loadBalancer"));
                if (externalIPs.Count > 0)
                    return string.Join(",", [.. lb, .. externalIPs]);
                return lb.Count > 0 ? string.Join(",", lb) : "<pending>";
            case "ExternalName":
                return Str(svc, "spec", "externalName");
            default:
                return "<unknown>";
        }
    }

    /// <summary>The load balancer's IPs (or hostnames where there is no IP), sorted and distinct; the server prints them unclipped.</summary>
    public static List<string> LoadBalancerAddresses(JsonNode? status) =>
        [.. Objects(status, "ingress")
            .Select(i => Str(i, "ip") is { Length: > 0 } ip ? ip : Str(i, "hostname"))
            .Where(s => s.Length > 0)
            .Distinct()
            .Order(StringComparer.Ordinal)];

    private static string FormatEndpoints(JsonObject endpoints)
    {
        var subsets = Objects(endpoints, "subsets").ToList();
        if (subsets.Count == 0)
            return None;
        const int Max = 3;
        var list = new List<string>();
        var more = false;
        var count = 0;
        foreach (var subset in subsets)
        {
            var addresses = Objects(subset, "addresses").ToList();
            var ports = Objects(subset, "ports").ToList();
            if (ports.Count == 0)
            {
                foreach (var address in addresses)
                {
                    if (list.Count == Max)
                        more = true;
                    if (!more)
                        list.Add(Str(address, "ip"));
                    count++;
                }
                continue;
            }
            foreach (var port in ports)
            {
                foreach (var address in addresses)
                {
                    if (list.Count == Max)
                        more = true;
                    if (!more)
                        list.Add(HostPort(Str(address, "ip"), Int(port, "port")));
                    count++;
                }
            }
        }
        var joined = string.Join(",", list);
        return more ? $"{joined} + {count - Max} more..." : joined;
    }

    /// <summary>net.JoinHostPort: IPv6 addresses in brackets.</summary>
    public static string HostPort(string host, long port) =>
        host.Contains(':', StringComparison.Ordinal) ? $"[{host}]:{port}" : $"{host}:{port}";

    /// <summary>GetAccessModesAsString: RWO, ROX, RWX, RWOP in that order, each once.</summary>
    private static string AccessModes(IEnumerable<string> modes)
    {
        var set = modes.ToHashSet();
        var result = new List<string>();
        if (set.Contains("ReadWriteOnce"))
            result.Add("RWO");
        if (set.Contains("ReadOnlyMany"))
            result.Add("ROX");
        if (set.Contains("ReadWriteMany"))
            result.Add("RWX");
        if (set.Contains("ReadWriteOncePod"))
            result.Add("RWOP");
        return string.Join(",", result);
    }

    private static IReadOnlyList<JsonNode?> NodeCells(JsonObject node, DateTimeOffset now)
    {
        var status = new List<string>();
        foreach (var condition in Objects(node, "status", "conditions"))
        {
            if (Str(condition, "type") == "Ready")
            {
                status.Clear();
                status.Add(Str(condition, "status") == "True" ? "Ready" : "NotReady");
            }
        }
        if (status.Count == 0)
            status.Add("Unknown");
        if (Bool(node, "spec", "unschedulable"))
            status.Add("SchedulingDisabled");

        var roles = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in Map(node, "metadata", "labels"))
        {
            if (key.StartsWith("node-role.kubernetes.io/", StringComparison.Ordinal) && key.Length > "node-role.kubernetes.io/".Length)
                roles.Add(key["node-role.kubernetes.io/".Length..]);
            else if (key == "kubernetes.io/role" && value.Length > 0)
                roles.Add(value);
        }

        string Address(string type) =>
            Objects(node, "status", "addresses").FirstOrDefault(a => Str(a, "type") == type) is { } a ? Str(a, "address") : None;
        string OrUnknown(string value) => value.Length == 0 ? "<unknown>" : value;

        return [Name(node), string.Join(",", status), roles.Count == 0 ? None : string.Join(",", roles), Age(node, now),
            Str(node, "status", "nodeInfo", "kubeletVersion"), Address("InternalIP"), Address("ExternalIP"),
            OrUnknown(Str(node, "status", "nodeInfo", "osImage")), OrUnknown(Str(node, "status", "nodeInfo", "kernelVersion")),
            OrUnknown(Str(node, "status", "nodeInfo", "containerRuntimeVersion"))];
    }

    private static readonly TableColumn[] EventColumns =
    [
        Column.Of("Last Seen", "string", Doc<Event>("lastTimestamp")),
        Column.Of("Type", "string", Doc<Event>("type")),
        Column.Of("Reason", "string", Doc<Event>("reason")),
        Column.Of("Object", "string", Doc<Event>("involvedObject")),
        Column.Wide("Subobject", "string", Doc<ObjectReference>("fieldPath")),
        Column.Wide("Source", "string", Doc<Event>("source")),
        Column.Of("Message", "string", Doc<Event>("message")),
        Column.Wide("First Seen", "string", Doc<Event>("firstTimestamp")),
        Column.Wide("Count", "string", Doc<Event>("count")),
        new("Name", "string", "name", Column.Name.Description, 1),
    ];

    /// <summary>Core events, and events.k8s.io/v1 events (regarding, note, deprecated* fields) alike.</summary>
    private static IReadOnlyList<JsonNode?> EventCells(JsonObject e, DateTimeOffset now)
    {
        var firstTime = Time(e, "firstTimestamp") ?? Time(e, "deprecatedFirstTimestamp");
        var first = firstTime is { } f ? Since(f, now) : Since(Time(e, "eventTime"), now);
        var lastTime = Time(e, "lastTimestamp") ?? Time(e, "deprecatedLastTimestamp");
        var last = lastTime is { } l ? Since(l, now) : first;
        var count = IntOrNull(e, "count") ?? Int(e, "deprecatedCount");
        if (At(e, "series") is JsonObject series)
        {
            last = Since(Time(series, "lastObservedTime"), now);
            count = Int(series, "count");
        }
        else if (count == 0)
        {
            count = 1;
        }
        var involved = At(e, "involvedObject") ?? At(e, "regarding");
        var kind = Str(involved, "kind").ToLowerInvariant();
        var involvedName = Str(involved, "name");
        var target = involvedName.Length > 0 ? $"{kind}/{involvedName}" : kind;
        var source = At(e, "source") ?? At(e, "deprecatedSource");
        var component = FirstNonEmpty(Str(source, "component"), Str(e, "reportingController"));
        var host = FirstNonEmpty(Str(source, "host"), Str(e, "reportingInstance"));
        var sourceText = host.Length == 0 ? component : $"{component}, {host}";
        var message = (StrOrNull(e, "message") ?? Str(e, "note")).Trim();
        return [last, Str(e, "type"), Str(e, "reason"), target, Str(involved, "fieldPath"), sourceText, message, first, count, Name(e)];
    }

    private static string FirstNonEmpty(string a, string b) => a.Length > 0 ? a : b;
}
