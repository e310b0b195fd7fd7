using System.Text.Json.Nodes;
using static Kubelike.ApiMachinery.Defaulting.JsonFields;

namespace Kubelike.ApiMachinery.Defaulting;

/// <summary>Defaults of apps/v1: Deployment, ReplicaSet, StatefulSet, DaemonSet.</summary>
internal static class AppsDefaults
{
    public static void Apply(string kind, JsonObject obj)
    {
        switch (kind)
        {
            case "Deployment":
                ApplyToDeployment(EnsureObject(obj, "spec"));
                break;
            case "ReplicaSet":
                var replicaSetSpec = EnsureObject(obj, "spec");
                SetIfUnset(replicaSetSpec, "replicas", 1);
                PodSpecDefaults.ApplyToTemplate(GetObject(replicaSetSpec, "template"));
                break;
            case "StatefulSet":
                ApplyToStatefulSet(EnsureObject(obj, "spec"));
                break;
            case "DaemonSet":
                ApplyToDaemonSet(EnsureObject(obj, "spec"));
                break;
            default:
                break;
        }
    }

    private static void ApplyToDeployment(JsonObject spec)
    {
        SetIfUnset(spec, "replicas", 1);
        var strategy = EnsureObject(spec, "strategy");
        SetIfUnsetOrEmpty(strategy, "type", "RollingUpdate");
        if (GetString(strategy, "type") == "RollingUpdate")
        {
            var rollingUpdate = EnsureObject(strategy, "rollingUpdate");
            SetIfUnset(rollingUpdate, "maxUnavailable", "25%");
            SetIfUnset(rollingUpdate, "maxSurge", "25%");
        }
        SetIfUnset(spec, "revisionHistoryLimit", 10);
        SetIfUnset(spec, "progressDeadlineSeconds", 600);
        PodSpecDefaults.ApplyToTemplate(GetObject(spec, "template"));
    }

    private static void ApplyToStatefulSet(JsonObject spec)
    {
        SetIfUnsetOrEmpty(spec, "podManagementPolicy", "OrderedReady");
        var updateStrategy = EnsureObject(spec, "updateStrategy");
        SetIfUnsetOrEmpty(updateStrategy, "type", "RollingUpdate");
        if (GetString(updateStrategy, "type") == "RollingUpdate")
        {
            SetIfUnset(EnsureObject(updateStrategy, "rollingUpdate"), "partition", 0);
        }
        var retention = EnsureObject(spec, "persistentVolumeClaimRetentionPolicy");
        SetIfUnsetOrEmpty(retention, "whenDeleted", "Retain");
        SetIfUnsetOrEmpty(retention, "whenScaled", "Retain");
        SetIfUnset(spec, "replicas", 1);
        SetIfUnset(spec, "revisionHistoryLimit", 10);
        PodSpecDefaults.ApplyToTemplate(GetObject(spec, "template"));
        foreach (var claim in Items(spec, "volumeClaimTemplates"))
        {
            CoreDefaults.ApplyToPersistentVolumeClaimSpec(EnsureObject(claim, "spec"));
            SetIfUnsetOrEmpty(EnsureObject(claim, "status"), "phase", "Pending");
        }
    }

    private static void ApplyToDaemonSet(JsonObject spec)
    {
        var updateStrategy = EnsureObject(spec, "updateStrategy");
        SetIfUnsetOrEmpty(updateStrategy, "type", "RollingUpdate");
        if (GetString(updateStrategy, "type") == "RollingUpdate")
        {
            var rollingUpdate = EnsureObject(updateStrategy, "rollingUpdate");
            SetIfUnset(rollingUpdate, "maxUnavailable", 1);
            SetIfUnset(rollingUpdate, "maxSurge", 0);
        }
        SetIfUnset(spec, "revisionHistoryLimit", 10);
        PodSpecDefaults.ApplyToTemplate(GetObject(spec, "template"));
    }
}
