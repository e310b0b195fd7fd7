using System.Globalization;
using Kubelike.ApiMachinery.Errors;
using MetaV1 = Kubelike.Api.Meta.V1;

namespace Kubelike.ApiMachinery.Validation;

/// <summary>Bad values that upstream prints with Go's %#v, rendered the same way so messages read alike.</summary>
internal static class GoValues
{
    /// <summary><c>v1.LabelSelector{MatchLabels:map[string]string{"app":"web"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}</c>.</summary>
    public static object LabelSelector(MetaV1.LabelSelector? selector)
    {
        if (selector is null)
        {
            return new Printed("null");
        }
        var labels = selector.MatchLabels is null ? "map[string]string(nil)" : GoFormat.Value(Maps.ReadOnly(selector.MatchLabels));
        var expressions = selector.MatchExpressions is null
            ? "[]v1.LabelSelectorRequirement(nil)"
            : "[]v1.LabelSelectorRequirement{" + string.Join(", ", selector.MatchExpressions.Select(r =>
                $"v1.LabelSelectorRequirement{{Key:{GoFormat.Quote(r.Key ?? "")}, Operator:{GoFormat.Quote(r.Operator ?? "")}, Values:{(r.Values is null ? "[]string(nil)" : GoFormat.Value(r.Values))}}}")) + "}";
        return new Printed($"v1.LabelSelector{{MatchLabels:{labels}, MatchExpressions:{expressions}}}");
    }

    /// <summary>An int-or-string as its Go struct: <c>intstr.IntOrString{Type:0, IntVal:0, StrVal:""}</c>.</summary>
    public static object IntOrString(Api.Primitives.IntOrString? value) => value is null
        ? new Printed("null")
        : new Printed(string.Create(CultureInfo.InvariantCulture,
            $"intstr.IntOrString{{Type:{(value.IsInt ? 0 : 1)}, IntVal:{(value.IsInt ? value.IntValue : 0)}, StrVal:{GoFormat.Quote(value.StringValue ?? "")}}}"));

    /// <summary><c>rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"Role", Name:"reader"}</c>.</summary>
    public static object RoleRef(Api.Rbac.V1.RoleRef? roleRef) => roleRef is null
        ? new Printed("null")
        : new Printed($"rbac.RoleRef{{APIGroup:{GoFormat.Quote(roleRef.ApiGroup ?? "")}, Kind:{GoFormat.Quote(roleRef.Kind ?? "")}, Name:{GoFormat.Quote(roleRef.Name ?? "")}}}");

    private sealed record Printed(string Text)
    {
        public override string ToString() => Text;
    }
}
