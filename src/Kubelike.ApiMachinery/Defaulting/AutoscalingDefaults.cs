using System.Text.Json.Nodes;
using static Kubelike.ApiMachinery.Defaulting.JsonFields;

namespace Kubelike.ApiMachinery.Defaulting;

/// <summary>Defaults of autoscaling/v1 and autoscaling/v2 HorizontalPodAutoscalers.</summary>
internal static class AutoscalingDefaults
{
    public static void Apply(string version, string kind, JsonObject obj)
    {
        if (kind != "HorizontalPodAutoscaler")
        {
            return;
        }
        var spec = EnsureObject(obj, "spec");
        SetIfUnset(spec, "minReplicas", 1);
        if (version != "v2")
        {
            return;
        }
        if (spec["metrics"] is not JsonArray { Count: > 0 })
        {
            spec["metrics"] = new JsonArray(new JsonObject
            {
                ["type"] = "Resource",
                ["resource"] = new JsonObject
                {
                    ["name"] = "cpu",
                    ["target"] = new JsonObject { ["type"] = "Utilization", ["averageUtilization"] = 80 },
                },
            });
        }
        // A behavior, once given, is filled in completely (scale-down keeps an unset stabilization window, which
        // the controller takes from its command line).
        if (GetObject(spec, "behavior") is { } behavior)
        {
            var scaleUp = EnsureObject(behavior, "scaleUp");
            SetIfUnset(scaleUp, "stabilizationWindowSeconds", 0);
            SetIfUnset(scaleUp, "selectPolicy", "Max");
            SetIfUnset(scaleUp, "policies", () => new JsonArray(Policy("Pods", 4, 15), Policy("Percent", 100, 15)));
            var scaleDown = EnsureObject(behavior, "scaleDown");
            SetIfUnset(scaleDown, "selectPolicy", "Max");
            SetIfUnset(scaleDown, "policies", () => new JsonArray(Policy("Percent", 100, 15)));
        }
    }

    private static JsonObject Policy(string type, int value, int periodSeconds) =>
        new() { ["type"] = type, ["value"] = value, ["periodSeconds"] = periodSeconds };
}
