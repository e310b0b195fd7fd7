using System.Text.Json.Nodes;
using static Kubelike.ApiMachinery.Defaulting.JsonFields;

namespace Kubelike.ApiMachinery.Defaulting;

/// <summary>Defaults of networking.k8s.io/v1 (NetworkPolicy) and discovery.k8s.io/v1 (EndpointSlice).</summary>
internal static class NetworkingDefaults
{
    public static void ApplyToNetworkPolicy(JsonObject obj)
    {
        var spec = EnsureObject(obj, "spec");
        foreach (var rule in Items(spec, "ingress").Concat(Items(spec, "egress")))
        {
            foreach (var port in Items(rule, "ports"))
            {
                SetIfUnsetOrEmpty(port, "protocol", "TCP");
            }
        }
        if (spec["policyTypes"] is not JsonArray { Count: > 0 })
        {
            var types = new JsonArray("Ingress");
            if (spec["egress"] is JsonArray { Count: > 0 })
            {
                types.Add("Egress");
            }
            spec["policyTypes"] = types;
        }
    }

    public static void ApplyToEndpointSlice(JsonObject obj)
    {
        foreach (var port in Items(obj, "ports"))
        {
            SetIfUnset(port, "name", "");
            SetIfUnset(port, "protocol", "TCP");
        }
    }
}
