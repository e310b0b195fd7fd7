using System.Text.Json;
using System.Text.Json.Nodes;
using static Kubelike.ApiMachinery.Defaulting.JsonFields;

namespace Kubelike.ApiMachinery.Defaulting;

/// <summary>Defaults of the core ("") group, v1.</summary>
internal static class CoreDefaults
{
    public static void Apply(string kind, JsonObject obj)
    {
        switch (kind)
        {
            case "Pod":
                PodSpecDefaults.ApplyToPod(obj);
                SetIfUnsetOrEmpty(EnsureObject(obj, "status"), "phase", "Pending");
                break;
            case "PodTemplate":
                PodSpecDefaults.ApplyToTemplate(GetObject(obj, "template"));
                break;
            case "ReplicationController":
                ApplyToReplicationController(obj);
                break;
            case "Service":
                ApplyToService(obj);
                break;
            case "Namespace":
                ApplyToNamespace(obj);
                break;
            case "Secret":
                SetIfUnsetOrEmpty(obj, "type", "Opaque");
                break;
            case "PersistentVolumeClaim":
                ApplyToPersistentVolumeClaim(obj);
                break;
            case "PersistentVolume":
                ApplyToPersistentVolume(obj);
                break;
            case "Endpoints":
                foreach (var subset in Items(obj, "subsets"))
                {
                    foreach (var port in Items(subset, "ports"))
                    {
                        SetIfUnsetOrEmpty(port, "protocol", "TCP");
                    }
                }
                break;
            case "Node":
                ApplyToNode(obj);
                break;
            case "LimitRange":
                foreach (var item in Items(GetObject(obj, "spec"), "limits"))
                {
                    ApplyToLimitRangeItem(item);
                }
                break;
            default:
                break;
        }
    }

    private static void ApplyToReplicationController(JsonObject obj)
    {
        var spec = EnsureObject(obj, "spec");
        SetIfUnset(spec, "replicas", 1);
        var template = GetObject(spec, "template");
        // Selector and object labels default to the template's labels.
        if (template is not null && GetPath(template, "metadata", "labels") is { } labels)
        {
            if (GetObject(spec, "selector") is not { Count: > 0 })
            {
                spec["selector"] = labels.DeepClone();
            }
            var metadata = EnsureObject(obj, "metadata");
            if (GetObject(metadata, "labels") is not { Count: > 0 })
            {
                metadata["labels"] = labels.DeepClone();
            }
        }
        PodSpecDefaults.ApplyToTemplate(template);
    }

    private static void ApplyToService(JsonObject obj)
    {
        var spec = EnsureObject(obj, "spec");
        SetIfUnsetOrEmpty(spec, "sessionAffinity", "None");
        var affinity = GetString(spec, "sessionAffinity");
        if (affinity == "None")
        {
            spec.Remove("sessionAffinityConfig");
        }
        else if (affinity == "ClientIP")
        {
            var clientIp = EnsureObject(EnsureObject(spec, "sessionAffinityConfig"), "clientIP");
            SetIfUnset(clientIp, "timeoutSeconds", 10800);
        }
        SetIfUnsetOrEmpty(spec, "type", "ClusterIP");
        var type = GetString(spec, "type");

        foreach (var port in Items(spec, "ports"))
        {
            SetIfUnsetOrEmpty(port, "protocol", "TCP");
            var targetPort = port["targetPort"];
            var targetUnset = targetPort is null
                || (targetPort is JsonValue v && ((v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<double>(out var n) && n == 0)
                    || (v.TryGetValue<string>(out var s) && s.Length == 0)));
            if (targetUnset && port["port"] is JsonValue portValue)
            {
                port["targetPort"] = portValue.DeepClone();
            }
        }

        var externallyAccessible = type is "LoadBalancer" or "NodePort"
            || (type == "ClusterIP" && spec["externalIPs"] is JsonArray { Count: > 0 });
        if (externallyAccessible)
        {
            SetIfUnsetOrEmpty(spec, "externalTrafficPolicy", "Cluster");
        }
        if (type is "ClusterIP" or "NodePort" or "LoadBalancer")
        {
            SetIfUnset(spec, "internalTrafficPolicy", "Cluster");
        }
        if (type == "LoadBalancer")
        {
            SetIfUnset(spec, "allocateLoadBalancerNodePorts", true);
            foreach (var ingress in Items(GetPath(obj, "status", "loadBalancer"), "ingress"))
            {
                if (!IsUnsetOrEmpty(ingress, "ip"))
                {
                    SetIfUnset(ingress, "ipMode", "VIP");
                }
            }
        }

        // IP families as the service registry fills them in on a single-stack IPv4 cluster (address allocation
        // itself is the registry's). ExternalName services carry no families.
        if (type != "ExternalName")
        {
            var headlessSelectorless = GetString(spec, "clusterIP") == "None" && GetObject(spec, "selector") is not { Count: > 0 };
            var families = spec["ipFamilies"] as JsonArray;
            if (IsUnset(spec, "ipFamilyPolicy"))
            {
                spec["ipFamilyPolicy"] = headlessSelectorless || families is { Count: > 1 } ? "RequireDualStack" : "SingleStack";
            }
            if (families is not { Count: > 0 })
            {
                spec["ipFamilies"] = new JsonArray("IPv4");
            }
        }
    }

    private static void ApplyToNamespace(JsonObject obj)
    {
        var metadata = EnsureObject(obj, "metadata");
        if (GetString(metadata, "name") is { Length: > 0 } name)
        {
            EnsureObject(metadata, "labels")["kubernetes.io/metadata.name"] = name;
        }
        // spec.finalizers is not defaulted: the namespace registry adds "kubernetes" on create only, as upstream
        // does, since the namespace controller removes it for good when the namespace is deleted.
        SetIfUnsetOrEmpty(EnsureObject(obj, "status"), "phase", "Active");
    }

    private static void ApplyToPersistentVolumeClaim(JsonObject obj)
    {
        ApplyToPersistentVolumeClaimSpec(EnsureObject(obj, "spec"));
        SetIfUnsetOrEmpty(EnsureObject(obj, "status"), "phase", "Pending");
    }

    public static void ApplyToPersistentVolumeClaimSpec(JsonObject spec) =>
        SetIfUnset(spec, "volumeMode", "Filesystem");

    private static void ApplyToPersistentVolume(JsonObject obj)
    {
        var spec = EnsureObject(obj, "spec");
        SetIfUnsetOrEmpty(spec, "persistentVolumeReclaimPolicy", "Retain");
        SetIfUnset(spec, "volumeMode", "Filesystem");
        VolumeSourceDefaults.Apply(spec);
        SetIfUnsetOrEmpty(EnsureObject(obj, "status"), "phase", "Pending");
    }

    private static void ApplyToNode(JsonObject obj)
    {
        if (GetObject(obj, "status") is { } status && IsUnset(status, "allocatable") && GetObject(status, "capacity") is { } capacity)
        {
            status["allocatable"] = capacity.DeepClone();
        }
    }

    private static void ApplyToLimitRangeItem(JsonObject item)
    {
        if (GetString(item, "type") != "Container")
        {
            return;
        }
        var defaults = EnsureObject(item, "default");
        var defaultRequests = EnsureObject(item, "defaultRequest");
        CopyMissing(GetObject(item, "max"), defaults);
        CopyMissing(defaults, defaultRequests);
        CopyMissing(GetObject(item, "min"), defaultRequests);
        if (defaults.Count == 0)
        {
            item.Remove("default");
        }
        if (defaultRequests.Count == 0)
        {
            item.Remove("defaultRequest");
        }
    }

    private static void CopyMissing(JsonObject? from, JsonObject to)
    {
        if (from is null)
        {
            return;
        }
        foreach (var (name, value) in from)
        {
            if (!to.ContainsKey(name) && value is not null)
            {
                to[name] = value.DeepClone();
            }
        }
    }
}
