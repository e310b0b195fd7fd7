using System.Text.Json.Nodes;
using static Kubelike.ApiMachinery.Tables.TableJson;

namespace Kubelike.ApiMachinery.Tables;

/// <summary>
/// The Targets cell of a HorizontalPodAutoscaler (formatHPAMetrics): "current/target" per metric, two at most then
/// "+ N more...". autoscaling/v1 objects (targetCPUUtilizationPercentage) print as their one CPU metric.
/// </summary>
internal static class HpaTargets
{
    private const string Unknown = "<unknown>";

    public static string Format(JsonObject hpa)
    {
        var specs = Objects(hpa, "spec", "metrics").ToList();
        if (specs.Count == 0)
        {
            if (IntOrNull(hpa, "spec", "targetCPUUtilizationPercentage") is not { } target)
                return None;
            var current = IntOrNull(hpa, "status", "currentCPUUtilizationPercentage") is { } c ? $"{c}%" : Unknown;
            return $"cpu: {current}/{target}%";
        }
        var statuses = Objects(hpa, "status", "currentMetrics").ToList();
        var list = new List<string>();
        for (var i = 0; i < specs.Count; i++)
        {
            var status = i < statuses.Count ? statuses[i] : null;
            list.Add(Metric(specs[i], status));
        }
        const int Max = 2;
        return list.Count > Max ? $"{string.Join(", ", list.Take(Max))} + {list.Count - Max} more..." : string.Join(", ", list);
    }

    private static string Metric(JsonObject spec, JsonObject? status)
    {
        var type = Str(spec, "type");
        var key = type switch
        {
            "External" => "external",
            "Pods" => "pods",
            "Object" => "object",
            "Resource" => "resource",
            "ContainerResource" => "containerResource",
            _ => null,
        };
        if (key is null)
            return "<unknown type>";
        var target = At(spec, key, "target");
        var current = At(status, key, "current");
        switch (type)
        {
            case "Pods":
                return $"{StrOrNull(current, "averageValue") ?? Unknown}/{Str(target, "averageValue")}";
            case "External":
            case "Object":
                if (StrOrNull(target, "averageValue") is { } average)
                    return $"{StrOrNull(current, "averageValue") ?? Unknown}/{average} (avg)";
                return $"{StrOrNull(current, "value") ?? Unknown}/{Str(target, "value")}";
            default:
                var name = Str(spec, key, "name");
                if (StrOrNull(target, "averageValue") is { } averageValue)
                    return $"{name}: {StrOrNull(current, "averageValue") ?? Unknown}/{averageValue}";
                var currentUtilization = IntOrNull(current, "averageUtilization") is { } cu ? $"{cu}%" : Unknown;
                var targetUtilization = IntOrNull(target, "averageUtilization") is { } tu ? $"{tu}%" : "<auto>";
                return $"{name}: {currentUtilization}/{targetUtilization}";
        }
    }
}
