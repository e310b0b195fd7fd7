using Kubelike.Api.Networking.V1;
using static Kubelike.ApiMachinery.Tables.TableJson;

namespace Kubelike.ApiMachinery.Tables;

/// <summary>Printers for networking.k8s.io/v1, as kube-apiserver 1.33 prints them.</summary>
internal static class NetworkingPrinters
{
    public static void Register(Dictionary<(string, string), KindPrinter> printers)
    {
        printers[("networking.k8s.io", "ingresses")] = new(
        [
            Column.Name,
            Column.Of("Class", "string", "The name of the IngressClass resource that should be used for additional configuration"),
            Column.Of("Hosts", "string", "Hosts that incoming requests are matched against before the ingress rule"),
            Column.Of("Address", "string", "Address is a list containing ingress points for the load-balancer"),
            Column.Of("Ports", "string", "Ports of TLS configurations that open"),
            Column.Age,
        ], (o, now) =>
        {
            var className = StrOrNull(o, "spec", "ingressClassName") ?? None;
            var ports = Count(o, "spec", "tls") != 0 ? "80, 443" : "80";
            return [Name(o), className, Hosts(o), string.Join(",", CorePrinters.LoadBalancerAddresses(At(o, "status", "loadBalancer"))), ports, Age(o, now)];
        });

        printers[("networking.k8s.io", "ingressclasses")] = new(
        [
            Column.Name,
            Column.Of("Controller", "string", "Controller that is responsible for handling this class"),
            Column.Of("Parameters", "string", "A reference to a resource with additional parameters"),
            Column.Age,
        ], (o, now) =>
        {
            var parameters = None;
            if (At(o, "spec", "parameters") is System.Text.Json.Nodes.JsonObject p)
            {
                parameters = Str(p, "kind");
                if (StrOrNull(p, "apiGroup") is { } group)
                    parameters += "." + group;
                parameters += "/" + Str(p, "name");
            }
            return [Name(o), Str(o, "spec", "controller"), parameters, Age(o, now)];
        });

        printers[("networking.k8s.io", "networkpolicies")] = new(
        [
            Column.Name,
            Column.Of("Pod-Selector", "string", Doc<NetworkPolicySpec>("podSelector")),
            Column.Age,
        ], (o, now) => [Name(o), FormatLabelSelector(At(o, "spec", "podSelector") ?? new System.Text.Json.Nodes.JsonObject()), Age(o, now)]);
    }

    /// <summary>formatHosts: up to three rule hosts, "*" when no rule names one.</summary>
    private static string Hosts(System.Text.Json.Nodes.JsonObject ingress)
    {
        const int Max = 3;
        var rules = Objects(ingress, "spec", "rules").ToList();
        var list = new List<string>();
        var more = false;
        foreach (var rule in rules)
        {
            if (list.Count == Max)
                more = true;
            if (!more && Str(rule, "host") is { Length: > 0 } host)
                list.Add(host);
        }
        if (list.Count == 0)
            return "*";
        var joined = string.Join(",", list);
        return more ? $"{joined} + {rules.Count - Max} more..." : joined;
    }
}
