using Kubelike.Api.Rbac.V1;

namespace Kubelike.ApiMachinery.Validation.Rbac;

/// <summary>RBAC's rule and binding shapes (upstream's ValidatePolicyRule and ValidateRoleBindingSubject).</summary>
public static class PolicyRules
{
    public const string RbacGroup = "rbac.authorization.k8s.io";

    public static void Rules(FieldErrorCollector e, FieldPath at, IList<PolicyRule>? rules, bool namespaced)
    {
        ArgumentNullException.ThrowIfNull(e);
        var i = 0;
        foreach (var rule in rules ?? [])
        {
            var r = at.Index(i++);
            if (rule.Verbs is not { Count: > 0 })
            {
                e.Required(r.Child("verbs"), "verbs must contain at least one value");
            }
            if (rule.NonResourceURLs is { Count: > 0 } urls)
            {
                if (namespaced)
                {
                    e.Invalid(r.Child("nonResourceURLs"), urls, "namespaced rules cannot apply to non-resource URLs");
                }
                if (rule.ApiGroups is { Count: > 0 } || rule.Resources is { Count: > 0 } || rule.ResourceNames is { Count: > 0 })
                {
                    e.Invalid(r.Child("nonResourceURLs"), urls, "rules cannot apply to both regular resources and non-resource URLs");
                }
                continue;
            }
            if (rule.ApiGroups is not { Count: > 0 })
            {
                e.Required(r.Child("apiGroups"), "resource rules must supply at least one api group");
            }
            if (rule.Resources is not { Count: > 0 })
            {
                e.Required(r.Child("resources"), "resource rules must supply at least one resource");
            }
        }
    }

    public static void Binding(FieldErrorCollector e, RoleRef? roleRef, IList<Subject>? subjects, bool namespaced)
    {
        ArgumentNullException.ThrowIfNull(e);
        var at = FieldPath.Root.Child("roleRef");
        if (roleRef?.ApiGroup != RbacGroup)
        {
            e.NotSupported(at.Child("apiGroup"), roleRef?.ApiGroup ?? "", [RbacGroup]);
        }
        IReadOnlyList<string> kinds = namespaced ? ["Role", "ClusterRole"] : ["ClusterRole"];
        if (!kinds.Contains(roleRef?.Kind ?? ""))
        {
            e.NotSupported(at.Child("kind"), roleRef?.Kind ?? "", kinds);
        }
        var name = roleRef?.Name ?? "";
        if (name.Length == 0)
        {
            e.Required(at.Child("name"));
        }
        else
        {
            e.AddMessages(at.Child("name"), name, Metadata.ValidationRules.IsValidPathSegmentName(name));
        }
        var i = 0;
        foreach (var subject in subjects ?? [])
        {
            var s = FieldPath.Root.Child("subjects").Index(i++);
            if (string.IsNullOrEmpty(subject.Name))
            {
                e.Required(s.Child("name"));
            }
            switch (subject.Kind)
            {
                case "ServiceAccount":
                    if (!string.IsNullOrEmpty(subject.Name))
                    {
                        e.Dns1123Subdomain(s.Child("name"), subject.Name);
                    }
                    if (!string.IsNullOrEmpty(subject.ApiGroup))
                    {
                        e.NotSupported(s.Child("apiGroup"), subject.ApiGroup, [""]);
                    }
                    if (!namespaced && string.IsNullOrEmpty(subject.Namespace))
                    {
                        e.Required(s.Child("namespace"));
                    }
                    break;
                case "User" or "Group":
                    if (subject.ApiGroup != RbacGroup)
                    {
                        e.NotSupported(s.Child("apiGroup"), subject.ApiGroup ?? "", [RbacGroup]);
                    }
                    break;
                default:
                    e.NotSupported(s.Child("kind"), subject.Kind ?? "", ["ServiceAccount", "User", "Group"]);
                    break;
            }
        }
    }

    /// <summary>A binding's roleRef cannot change (<c>roleRef: Invalid value: …: cannot change roleRef</c>).</summary>
    public static void RoleRefUnchanged(FieldErrorCollector e, RoleRef? next, RoleRef? old)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (!FieldErrorCollector.SameValue(next, old))
        {
            e.Invalid(FieldPath.Root.Child("roleRef"), GoValues.RoleRef(next), "cannot change roleRef");
        }
    }
}

public sealed class RoleValidator : FieldValidator<Role>
{
    public RoleValidator() => Check((role, e) => PolicyRules.Rules(e, FieldPath.Root.Child("rules"), role.Rules, namespaced: true));
}

public sealed class ClusterRoleValidator : FieldValidator<ClusterRole>
{
    public ClusterRoleValidator() =>
        Check((role, e) =>
        {
            PolicyRules.Rules(e, FieldPath.Root.Child("rules"), role.Rules, namespaced: false);
            if (role.AggregationRule is { } aggregation)
            {
                var at = FieldPath.Root.Child("aggregationRule", "clusterRoleSelectors");
                if (aggregation.ClusterRoleSelectors is not { Count: > 0 })
                {
                    e.Required(at, "at least one clusterRoleSelector required if aggregationRule is non-nil");
                }
                e.ValidateEach(LabelSelectorValidator.Instance, aggregation.ClusterRoleSelectors, at);
            }
        });
}

public sealed class RoleBindingValidator : FieldValidator<RoleBinding>
{
    public RoleBindingValidator() => Check((binding, e) => PolicyRules.Binding(e, binding.RoleRef, binding.Subjects, namespaced: true));
}

public sealed class ClusterRoleBindingValidator : FieldValidator<ClusterRoleBinding>
{
    public ClusterRoleBindingValidator() => Check((binding, e) => PolicyRules.Binding(e, binding.RoleRef, binding.Subjects, namespaced: false));
}

public sealed class RoleBindingUpdateValidator : FieldValidator<ObjectUpdate<RoleBinding>>
{
    public RoleBindingUpdateValidator() => Check((update, e) => PolicyRules.RoleRefUnchanged(e, update.New.RoleRef, update.Old.RoleRef));
}

public sealed class ClusterRoleBindingUpdateValidator : FieldValidator<ObjectUpdate<ClusterRoleBinding>>
{
    public ClusterRoleBindingUpdateValidator() => Check((update, e) => PolicyRules.RoleRefUnchanged(e, update.New.RoleRef, update.Old.RoleRef));
}
