using Kubelike.Api.Core.V1;

namespace Kubelike.ApiMachinery.Validation.Core;

/// <summary>A Node (upstream's ValidateNode): taints with a qualified key, a label value and a known effect; pod CIDRs.</summary>
public sealed class NodeValidator : FieldValidator<Node>
{
    public NodeValidator() =>
        Check((node, e) =>
        {
            var spec = node.Spec ?? new NodeSpec();
            var seen = new HashSet<(string, string)>();
            var i = 0;
            foreach (var taint in spec.Taints ?? [])
            {
                var at = e.Path.Child("spec", "taints").Index(i++);
                e.QualifiedName(at.Child("key"), taint.Key ?? "");
                e.LabelValue(at.Child("value"), taint.Value ?? "");
                PodSpecValidator.TaintEffect(e, at.Child("effect"), taint.Effect);
                if (!seen.Add((taint.Key ?? "", taint.Effect ?? "")))
                {
                    e.Duplicate(at, FieldErrorCollector.Display(taint));
                }
            }
            var c = 0;
            foreach (var cidr in spec.PodCIDRs ?? [])
            {
                if (!ValidationFormats.IsCIDR(cidr))
                {
                    e.Invalid(e.Path.Child("spec", "podCIDRs").Index(c), cidr, "must be a valid CIDR");
                }
                c++;
            }
            if (spec.PodCIDRs is { Count: > 0 } cidrs && !string.IsNullOrEmpty(spec.PodCIDR) && cidrs[0] != spec.PodCIDR)
            {
                e.Invalid(e.Path.Child("spec", "podCIDRs"), cidrs, "first value must match `podCIDR`");
            }
        });
}
