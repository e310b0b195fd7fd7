using System.Text.Json.Nodes;
using static Kubelike.ApiMachinery.Defaulting.JsonFields;

namespace Kubelike.ApiMachinery.Defaulting;

/// <summary>
/// Defaults for a PodSpec wherever it appears (pods, pod templates, workload templates), and the extra defaults
/// upstream applies only to Pod objects (requests from limits, enableServiceLinks, host-network ports, and the
/// priority the Priority admission plugin fills in).
/// </summary>
internal static class PodSpecDefaults
{
    private const int DefaultVolumeMode = 420; // 0644

    /// <summary>Defaults a pod template ({metadata, spec}) when present.</summary>
    public static void ApplyToTemplate(JsonObject? template)
    {
        if (template is not null && GetObject(template, "spec") is { } spec)
        {
            ApplyToSpec(spec);
        }
    }

    /// <summary>Defaults for a Pod object: its spec plus the Pod-only defaults.</summary>
    public static void ApplyToPod(JsonObject pod)
    {
        var spec = EnsureObject(pod, "spec");
        ApplyToSpec(spec);

        foreach (var container in Items(spec, "containers").Concat(Items(spec, "initContainers")))
        {
            DefaultRequestsFromLimits(container);
        }
        SetIfUnset(spec, "enableServiceLinks", true);
        if (GetBool(spec, "hostNetwork") == true)
        {
            foreach (var container in Items(spec, "containers").Concat(Items(spec, "initContainers")))
            {
                foreach (var port in Items(container, "ports"))
                {
                    if (IsUnsetOrZero(port, "hostPort") && port["containerPort"] is JsonValue containerPort)
                    {
                        port["hostPort"] = containerPort.DeepClone();
                    }
                }
            }
        }

        // The Priority admission plugin: without a default PriorityClass, priority 0; the two system classes have
        // fixed values. Both preempt lower priorities.
        if (IsUnset(spec, "priority"))
        {
            long? priority = GetString(spec, "priorityClassName") switch
            {
                null or "" => 0,
                "system-node-critical" => 2000001000,
                "system-cluster-critical" => 2000000000,
                _ => null,
            };
            if (priority is { } p)
            {
                spec["priority"] = p;
            }
        }
        SetIfUnsetOrEmpty(spec, "preemptionPolicy", "PreemptLowerPriority");
    }

    public static void ApplyToSpec(JsonObject spec)
    {
        SetIfUnsetOrEmpty(spec, "dnsPolicy", "ClusterFirst");
        SetIfUnsetOrEmpty(spec, "restartPolicy", "Always");
        SetIfUnset(spec, "securityContext", () => new JsonObject());
        SetIfUnset(spec, "terminationGracePeriodSeconds", 30);
        SetIfUnsetOrEmpty(spec, "schedulerName", "default-scheduler");

        foreach (var container in Items(spec, "containers").Concat(Items(spec, "initContainers")).Concat(Items(spec, "ephemeralContainers")))
        {
            ApplyToContainer(container);
        }
        foreach (var volume in Items(spec, "volumes"))
        {
            ApplyToVolume(volume);
        }
    }

    public static void ApplyToContainer(JsonObject container)
    {
        if (IsUnsetOrEmpty(container, "imagePullPolicy"))
        {
            container["imagePullPolicy"] = ImagePullPolicy.For(GetString(container, "image"));
        }
        SetIfUnsetOrEmpty(container, "terminationMessagePath", "/dev/termination-log");
        SetIfUnsetOrEmpty(container, "terminationMessagePolicy", "File");

        foreach (var port in Items(container, "ports"))
        {
            SetIfUnsetOrEmpty(port, "protocol", "TCP");
        }
        foreach (var probeName in (ReadOnlySpan<string>)["livenessProbe", "readinessProbe", "startupProbe"])
        {
            if (GetObject(container, probeName) is { } probe)
            {
                ApplyToProbe(probe);
            }
        }
        if (GetObject(container, "lifecycle") is { } lifecycle)
        {
            foreach (var handlerName in (ReadOnlySpan<string>)["postStart", "preStop"])
            {
                if (GetObject(lifecycle, handlerName) is { } handler)
                {
                    ApplyToHandler(handler);
                }
            }
        }
        foreach (var env in Items(container, "env"))
        {
            if (GetPath(env, "valueFrom", "fieldRef") is { } fieldRef)
            {
                SetIfUnsetOrEmpty(fieldRef, "apiVersion", "v1");
            }
        }
    }

    public static void ApplyToProbe(JsonObject probe)
    {
        ApplyToHandler(probe);
        SetIfUnsetOrZero(probe, "timeoutSeconds", 1);
        SetIfUnsetOrZero(probe, "periodSeconds", 10);
        SetIfUnsetOrZero(probe, "successThreshold", 1);
        SetIfUnsetOrZero(probe, "failureThreshold", 3);
    }

    private static void ApplyToHandler(JsonObject handler)
    {
        if (GetObject(handler, "httpGet") is { } httpGet)
        {
            SetIfUnsetOrEmpty(httpGet, "path", "/");
            SetIfUnsetOrEmpty(httpGet, "scheme", "HTTP");
        }
        if (GetObject(handler, "grpc") is { } grpc)
        {
            SetIfUnset(grpc, "service", "");
        }
    }

    private static void DefaultRequestsFromLimits(JsonObject container)
    {
        if (GetPath(container, "resources", "limits") is not { } limits)
        {
            return;
        }
        var resources = EnsureObject(container, "resources");
        var requests = EnsureObject(resources, "requests");
        foreach (var (name, value) in limits)
        {
            if (!requests.ContainsKey(name) && value is not null)
            {
                requests[name] = value.DeepClone();
            }
        }
    }

    public static void ApplyToVolume(JsonObject volume)
    {
        if (volume.All(p => p.Key == "name" || p.Value is null))
        {
            volume["emptyDir"] = new JsonObject();
            return;
        }
        if (GetObject(volume, "secret") is { } secret)
        {
            SetIfUnset(secret, "defaultMode", DefaultVolumeMode);
        }
        if (GetObject(volume, "configMap") is { } configMap)
        {
            SetIfUnset(configMap, "defaultMode", DefaultVolumeMode);
        }
        if (GetObject(volume, "downwardAPI") is { } downwardApi)
        {
            SetIfUnset(downwardApi, "defaultMode", DefaultVolumeMode);
            DefaultDownwardApiItems(downwardApi);
        }
        if (GetObject(volume, "projected") is { } projected)
        {
            SetIfUnset(projected, "defaultMode", DefaultVolumeMode);
            foreach (var source in Items(projected, "sources"))
            {
                if (GetObject(source, "downwardAPI") is { } projectedDownwardApi)
                {
                    DefaultDownwardApiItems(projectedDownwardApi);
                }
                if (GetObject(source, "serviceAccountToken") is { } token)
                {
                    SetIfUnset(token, "expirationSeconds", 3600);
                }
            }
        }
        if (GetPath(volume, "ephemeral", "volumeClaimTemplate", "spec") is { } claimSpec)
        {
            CoreDefaults.ApplyToPersistentVolumeClaimSpec(claimSpec);
        }
        VolumeSourceDefaults.Apply(volume);
    }

    private static void DefaultDownwardApiItems(JsonObject downwardApi)
    {
        foreach (var item in Items(downwardApi, "items"))
        {
            if (GetObject(item, "fieldRef") is { } fieldRef)
            {
                SetIfUnsetOrEmpty(fieldRef, "apiVersion", "v1");
            }
        }
    }
}
