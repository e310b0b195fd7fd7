using Kubelike.Api.Core.V1;

namespace Kubelike.ApiMachinery.Validation.Core;

/// <summary>Endpoints (upstream's ValidateEndpoints): each subset has addresses with valid IPs and well-formed ports.</summary>
public sealed class EndpointsValidator : FieldValidator<Endpoints>
{
    public EndpointsValidator() =>
        Check((endpoints, e) =>
        {
            var s = 0;
            foreach (var subset in endpoints.Subsets ?? [])
            {
                var at = e.Path.Child("subsets").Index(s++);
                if ((subset.Addresses?.Count ?? 0) == 0 && (subset.NotReadyAddresses?.Count ?? 0) == 0)
                {
                    e.Required(at, "must specify `addresses` or `notReadyAddresses`");
                }
                Addresses(e, at.Child("addresses"), subset.Addresses);
                Addresses(e, at.Child("notReadyAddresses"), subset.NotReadyAddresses);
                var ports = subset.Ports ?? [];
                for (var p = 0; p < ports.Count; p++)
                {
                    var port = ports[p];
                    var path = at.Child("ports").Index(p);
                    if (ports.Count > 1 && string.IsNullOrEmpty(port.Name))
                    {
                        e.Required(path.Child("name"));
                    }
                    else if (!string.IsNullOrEmpty(port.Name))
                    {
                        e.Dns1123Label(path.Child("name"), port.Name);
                    }
                    e.PortNumber(path.Child("port"), port.Port ?? 0);
                    e.Protocol(path.Child("protocol"), port.Protocol);
                    if (port.AppProtocol is { } appProtocol)
                    {
                        e.QualifiedName(path.Child("appProtocol"), appProtocol);
                    }
                }
            }
        });

    private static void Addresses(FieldErrorCollector e, FieldPath at, IList<EndpointAddress>? addresses)
    {
        var i = 0;
        foreach (var address in addresses ?? [])
        {
            var path = at.Index(i++);
            if (!ValidationFormats.IsIP(address.Ip ?? ""))
            {
                e.Invalid(path.Child("ip"), address.Ip ?? "", "must be a valid IP address");
            }
            if (!string.IsNullOrEmpty(address.Hostname))
            {
                e.Dns1123Label(path.Child("hostname"), address.Hostname);
            }
            if (!string.IsNullOrEmpty(address.NodeName))
            {
                e.Dns1123Subdomain(path.Child("nodeName"), address.NodeName);
            }
        }
    }
}
