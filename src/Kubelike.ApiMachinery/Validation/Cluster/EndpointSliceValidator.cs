using Kubelike.Api.Discovery.V1;

namespace Kubelike.ApiMachinery.Validation.Cluster;

/// <summary>An EndpointSlice (upstream's ValidateEndpointSlice): an address type, 1 to 100 addresses of that type per endpoint, well-formed ports.</summary>
public sealed class EndpointSliceValidator : FieldValidator<EndpointSlice>
{
    private static readonly string[] AddressTypes = ["FQDN", "IPv4", "IPv6"];

    public EndpointSliceValidator() =>
        Check((slice, e) =>
        {
            var addressType = slice.AddressType ?? "";
            e.OneOf(FieldPath.Root.Child("addressType"), addressType, AddressTypes);
            var i = 0;
            foreach (var endpoint in slice.Endpoints ?? [])
            {
                var at = FieldPath.Root.Child("endpoints").Index(i++);
                var addresses = endpoint.Addresses ?? [];
                if (addresses.Count == 0)
                {
                    e.Required(at.Child("addresses"), "must contain at least 1 address");
                }
                else if (addresses.Count > 100)
                {
                    e.Add(Errors.FieldError.TooMany(at.Child("addresses"), addresses.Count, 100));
                }
                for (var a = 0; a < addresses.Count; a++)
                {
                    Address(e, at.Child("addresses").Index(a), addressType, addresses[a]);
                }
                if (!string.IsNullOrEmpty(endpoint.Hostname))
                {
                    e.Dns1123Label(at.Child("hostname"), endpoint.Hostname);
                }
                if (!string.IsNullOrEmpty(endpoint.NodeName))
                {
                    e.Dns1123Subdomain(at.Child("nodeName"), endpoint.NodeName);
                }
            }
            var names = new HashSet<string>(StringComparer.Ordinal);
            var p = 0;
            foreach (var port in slice.Ports ?? [])
            {
                var at = FieldPath.Root.Child("ports").Index(p++);
                if (!string.IsNullOrEmpty(port.Name))
                {
                    e.Dns1123Label(at.Child("name"), port.Name);
                }
                if (!names.Add(port.Name ?? ""))
                {
                    e.Duplicate(at.Child("name"), port.Name ?? "");
                }
                if (port.Port is { } number)
                {
                    e.PortNumber(at.Child("port"), number);
                }
                e.Protocol(at.Child("protocol"), port.Protocol);
                if (port.AppProtocol is { } appProtocol)
                {
                    e.QualifiedName(at.Child("appProtocol"), appProtocol);
                }
            }
        });

    private static void Address(FieldErrorCollector e, FieldPath at, string addressType, string address)
    {
        switch (addressType)
        {
            case "IPv4":
                if (!ValidationFormats.IsIP(address) || address.Contains(':', StringComparison.Ordinal))
                {
                    e.Invalid(at, address, "must be a valid IPv4 address");
                }
                break;
            case "IPv6":
                if (!ValidationFormats.IsIP(address) || !address.Contains(':', StringComparison.Ordinal))
                {
                    e.Invalid(at, address, "must be a valid IPv6 address");
                }
                break;
            case "FQDN":
                e.Dns1123Subdomain(at, address);
                break;
        }
    }
}

/// <summary>An EndpointSlice update: the address type is fixed.</summary>
public sealed class EndpointSliceUpdateValidator : FieldValidator<ObjectUpdate<EndpointSlice>>
{
    public EndpointSliceUpdateValidator() =>
        Check((update, e) => e.Immutable(FieldPath.Root.Child("addressType"), update.New.AddressType ?? "", update.Old.AddressType ?? ""));
}
