using Kubelike.Api.Core.V1;
using Kubelike.ApiMachinery.Errors;
using Kubelike.ApiMachinery.Metadata;

namespace Kubelike.ApiMachinery.Validation.Core;

/// <summary>
/// A Service (upstream's ValidateService): ports (required unless ExternalName or headless; named when several;
/// in range; unique), type, session affinity, cluster IPs, external name, node ports (the configured node-port range
/// is the allocator's to check, in the API server).
/// </summary>
public sealed class ServiceValidator : FieldValidator<Service>
{
    private static readonly string[] Types = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"];
    private static readonly string[] Affinities = ["ClientIP", "None"];
    private static readonly string[] TrafficPolicies = ["Cluster", "Local"];
    private static readonly string[] IpFamilyPolicies = ["PreferDualStack", "RequireDualStack", "SingleStack"];
    private static readonly string[] IpFamilies = ["IPv4", "IPv6"];

    public ServiceValidator()
    {
        Check((service, e) =>
        {
            var spec = service.Spec ?? new ServiceSpec();
            var at = e.Path.Child("spec");
            var ports = spec.Ports ?? [];
            var headless = spec.ClusterIP == "None";
            if (ports.Count == 0 && !headless && spec.Type != "ExternalName")
            {
                e.Required(at.Child("ports"));
            }
            switch (spec.Type)
            {
                case "ClusterIP" or "NodePort" or "LoadBalancer":
                    break;
                case "ExternalName":
                    if (!string.IsNullOrEmpty(spec.ClusterIP) || spec.ClusterIPs is { Count: > 0 })
                    {
                        e.Forbidden(at.Child("clusterIPs"), "may not be set for ExternalName services");
                    }
                    var cname = (spec.ExternalName ?? "").TrimEnd('.');
                    if (cname.Length == 0)
                    {
                        e.Required(at.Child("externalName"));
                    }
                    else
                    {
                        e.Dns1123Subdomain(at.Child("externalName"), cname);
                    }
                    break;
            }
            Ports(e, at.Child("ports"), ports);
            e.AddRange(ObjectMetaValidation.ValidateLabels(Maps.ReadOnly(spec.Selector), at.Child("selector")));
            e.OneOf(at.Child("sessionAffinity"), spec.SessionAffinity, Affinities);
            if (spec.SessionAffinity == "ClientIP" && spec.SessionAffinityConfig?.ClientIP?.TimeoutSeconds is { } timeout && timeout is <= 0 or > 86400)
            {
                e.Invalid(at.Child("sessionAffinityConfig", "clientIP", "timeoutSeconds"), timeout, "must be greater than 0 and less than 86400");
            }
            ClusterIPs(e, at, spec);
            e.OneOf(at.Child("type"), spec.Type, Types);
            var i = 0;
            foreach (var ip in spec.ExternalIPs ?? [])
            {
                e.IPAddress(at.Child("externalIPs").Index(i++), ip);
            }
            if (spec.LoadBalancerSourceRanges is { Count: > 0 } ranges)
            {
                if (spec.Type != "LoadBalancer")
                {
                    e.Forbidden(at.Child("loadBalancerSourceRanges"), "may only be used when `type` is 'LoadBalancer'");
                }
                for (var r = 0; r < ranges.Count; r++)
                {
                    if (!ValidationFormats.IsCIDR(ranges[r].Trim()))
                    {
                        e.Invalid(at.Child("loadBalancerSourceRanges").Index(r), ranges[r], "must be a list of IP ranges. For example, 10.240.0.0/24,10.250.0.0/24 ");
                    }
                }
            }
            e.OneOf(at.Child("externalTrafficPolicy"), spec.ExternalTrafficPolicy, TrafficPolicies, required: false);
            e.OneOf(at.Child("internalTrafficPolicy"), spec.InternalTrafficPolicy, TrafficPolicies, required: false);
            e.OneOf(at.Child("ipFamilyPolicy"), spec.IpFamilyPolicy, IpFamilyPolicies, required: false);
            var f = 0;
            foreach (var family in spec.IpFamilies ?? [])
            {
                e.OneOf(at.Child("ipFamilies").Index(f++), family, IpFamilies);
            }
            NodePorts(e, at.Child("ports"), spec.Type, ports);
        });
    }

    private static void Ports(FieldErrorCollector e, FieldPath at, IList<ServicePort> ports)
    {
        var requireName = ports.Count > 1;
        var names = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<(string, int)>();
        for (var i = 0; i < ports.Count; i++)
        {
            var port = ports[i];
            var path = at.Index(i);
            if (requireName && string.IsNullOrEmpty(port.Name))
            {
                e.Required(path.Child("name"));
            }
            else if (!string.IsNullOrEmpty(port.Name))
            {
                e.Dns1123Label(path.Child("name"), port.Name);
                if (!names.Add(port.Name))
                {
                    e.Duplicate(path.Child("name"), port.Name);
                }
            }
            e.PortNumber(path.Child("port"), port.Port ?? 0);
            e.Protocol(path.Child("protocol"), port.Protocol);
            e.PortNumberOrName(path.Child("targetPort"), port.TargetPort);
            if (port.AppProtocol is { } appProtocol)
            {
                e.QualifiedName(path.Child("appProtocol"), appProtocol);
            }
            if (!seen.Add((port.Protocol ?? "", port.Port ?? 0)))
            {
                e.Duplicate(path, new GoServicePort(port.Protocol ?? "", port.Port ?? 0));
            }
        }
    }

    private static void NodePorts(FieldErrorCollector e, FieldPath at, string? type, IList<ServicePort> ports)
    {
        var seen = new HashSet<(string, int)>();
        for (var i = 0; i < ports.Count; i++)
        {
            if (ports[i].NodePort is not { } nodePort || nodePort == 0)
            {
                continue;
            }
            var path = at.Index(i).Child("nodePort");
            if (type is "ClusterIP" or "ExternalName")
            {
                e.Forbidden(path, $"may not be used when `type` is '{type}'");
                continue;
            }
            if (nodePort is < 1 or > 65535)
            {
                e.Invalid(path, nodePort, ValidationFormats.PortRangeMessage);
            }
            if (!seen.Add((ports[i].Protocol ?? "", nodePort)))
            {
                e.Duplicate(path, nodePort);
            }
        }
    }

    private static void ClusterIPs(FieldErrorCollector e, FieldPath at, ServiceSpec spec)
    {
        var clusterIPs = spec.ClusterIPs is { Count: > 0 } list ? list : string.IsNullOrEmpty(spec.ClusterIP) ? [] : [spec.ClusterIP];
        if (spec.ClusterIPs is { Count: > 0 } given && !string.IsNullOrEmpty(spec.ClusterIP) && given[0] != spec.ClusterIP)
        {
            e.Invalid(at.Child("clusterIPs"), given, "first value must match `clusterIP`");
            return;
        }
        for (var i = 0; i < clusterIPs.Count; i++)
        {
            var ip = clusterIPs[i];
            if (ip == "None" && i == 0 && clusterIPs.Count == 1)
            {
                continue;
            }
            if (ip == "None" || !ValidationFormats.IsIP(ip))
            {
                e.Invalid(at.Child("clusterIPs").Index(i), ip, "must be empty, 'None', or a valid IP address");
            }
        }
    }

    /// <summary>The (protocol, port) pair upstream prints for a duplicate, as its Go struct.</summary>
    private sealed record GoServicePort(string Protocol, int Port)
    {
        public override string ToString() =>
            $"core.ServicePort{{Name:\"\", Protocol:{GoFormat.Quote(Protocol)}, AppProtocol:(*string)(nil), Port:{Port}, TargetPort:intstr.IntOrString{{Type:0, IntVal:0, StrVal:\"\"}}, NodePort:0}}";
    }
}

/// <summary>A Service update: an assigned cluster IP stays; a load balancer class too.</summary>
public sealed class ServiceUpdateValidator : FieldValidator<ObjectUpdate<Service>>
{
    public ServiceUpdateValidator() =>
        Check((update, e) =>
        {
            var next = update.New.Spec ?? new ServiceSpec();
            var old = update.Old.Spec ?? new ServiceSpec();
            var at = e.Path.Child("spec");
            if (old.Type != "ExternalName" && next.Type != "ExternalName")
            {
                var oldIPs = ClusterIPsOf(old);
                var newIPs = ClusterIPsOf(next);
                // An update that leaves the IP out keeps it, as upstream fills it in from the stored object.
                if (oldIPs.Count > 0 && newIPs.Count > 0 && newIPs[0] != oldIPs[0])
                {
                    e.Invalid(at.Child("clusterIPs").Index(0), newIPs, "may not change once set");
                }
            }
            if (old.Type == "LoadBalancer" && next.Type == "LoadBalancer" && old.LoadBalancerClass != next.LoadBalancerClass)
            {
                e.Invalid(at.Child("loadBalancerClass"), next.LoadBalancerClass, "may not change once set");
            }
        });

    private static IReadOnlyList<string> ClusterIPsOf(ServiceSpec spec) =>
        spec.ClusterIPs is { Count: > 0 } list ? [.. list] : string.IsNullOrEmpty(spec.ClusterIP) ? [] : [spec.ClusterIP];
}
