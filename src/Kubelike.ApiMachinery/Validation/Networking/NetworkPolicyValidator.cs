using Kubelike.Api.Networking.V1;

namespace Kubelike.ApiMachinery.Validation.Networking;

/// <summary>A NetworkPolicy (upstream's ValidateNetworkPolicySpec): selectors, ports, one kind of peer each, known policy types.</summary>
public sealed class NetworkPolicyValidator : FieldValidator<NetworkPolicy>
{
    private static readonly string[] Protocols = ["SCTP", "TCP", "UDP"];
    private static readonly string[] PolicyTypes = ["Ingress", "Egress"];

    public NetworkPolicyValidator() =>
        Check((policy, e) =>
        {
            var spec = policy.Spec ?? new NetworkPolicySpec();
            var at = e.Path.Child("spec");
            e.Validate(LabelSelectorValidator.Instance, spec.PodSelector, at.Child("podSelector"));
            var i = 0;
            foreach (var rule in spec.Ingress ?? [])
            {
                var r = at.Child("ingress").Index(i++);
                Ports(e, r.Child("ports"), rule.Ports);
                Peers(e, r.Child("from"), rule.From);
            }
            i = 0;
            foreach (var rule in spec.Egress ?? [])
            {
                var r = at.Child("egress").Index(i++);
                Ports(e, r.Child("ports"), rule.Ports);
                Peers(e, r.Child("to"), rule.To);
            }
            var types = spec.PolicyTypes ?? [];
            for (var t = 0; t < types.Count; t++)
            {
                if (!PolicyTypes.Contains(types[t]))
                {
                    e.NotSupported(at.Child("policyTypes").Index(t), types[t], PolicyTypes);
                }
            }
            if (types.Count > 2)
            {
                e.Invalid(at.Child("policyTypes"), types, "may not specify more than two policyTypes");
            }
        });

    private static void Ports(FieldErrorCollector e, FieldPath at, IList<NetworkPolicyPort>? ports)
    {
        var i = 0;
        foreach (var port in ports ?? [])
        {
            var p = at.Index(i++);
            if (port.Protocol is { } protocol && !Protocols.Contains(protocol))
            {
                e.NotSupported(p.Child("protocol"), protocol, Protocols);
            }
            if (port.Port is { } value)
            {
                e.PortNumberOrName(p.Child("port"), value);
                if (port.EndPort is { } endPort)
                {
                    if (!value.IsInt)
                    {
                        e.Invalid(p.Child("endPort"), endPort, "may not be specified when `port` is non-numeric");
                    }
                    else if (endPort < value.IntValue)
                    {
                        e.Invalid(p.Child("endPort"), endPort, "must be greater than or equal to `port`");
                    }
                }
            }
            else if (port.EndPort is { } endPort)
            {
                e.Invalid(p.Child("endPort"), endPort, "may not be specified when `port` is not specified");
            }
        }
    }

    private static void Peers(FieldErrorCollector e, FieldPath at, IList<NetworkPolicyPeer>? peers)
    {
        var i = 0;
        foreach (var peer in peers ?? [])
        {
            var p = at.Index(i++);
            var selectors = (peer.PodSelector is null ? 0 : 1) + (peer.NamespaceSelector is null ? 0 : 1);
            if (peer.IpBlock is { } block)
            {
                if (selectors > 0)
                {
                    e.Forbidden(p, "may not specify both ipBlock and another peer");
                }
                if (string.IsNullOrEmpty(block.Cidr))
                {
                    e.Required(p.Child("ipBlock", "cidr"));
                }
                else if (!ValidationFormats.IsCIDR(block.Cidr))
                {
                    e.Invalid(p.Child("ipBlock", "cidr"), block.Cidr, "must be a valid CIDR (e.g. 10.0.0.0/16)");
                }
                var x = 0;
                foreach (var except in block.Except ?? [])
                {
                    if (!ValidationFormats.IsCIDR(except))
                    {
                        e.Invalid(p.Child("ipBlock", "except").Index(x), except, "must be a valid CIDR (e.g. 10.0.0.0/16)");
                    }
                    x++;
                }
            }
            else if (selectors == 0)
            {
                e.Required(p, "must specify a peer");
            }
            e.Validate(LabelSelectorValidator.Instance, peer.PodSelector, p.Child("podSelector"));
            e.Validate(LabelSelectorValidator.Instance, peer.NamespaceSelector, p.Child("namespaceSelector"));
        }
    }
}
