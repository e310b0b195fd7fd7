using Kubelike.Api.Rbac.V1;
using Kubelike.ApiServer.Authentication;

namespace Kubelike.ApiServer.Authorization.Rbac;

/// <summary>
/// The rules that apply to a user in a namespace: those of every ClusterRoleBinding naming the user, then those of
/// every RoleBinding in the namespace naming the user. Missing roles are reported as errors and skipped, as upstream.
/// </summary>
public sealed class RuleResolver(RbacPolicyCache policy)
{
    public const string ServiceAccountPrefix = "system:serviceaccount:";

    /// <summary>
    /// Calls <paramref name="visit"/> with each rule (and its source) or each resolution error; stops when it returns false.
    /// </summary>
    public void VisitRulesFor(UserInfo user, string ns, Func<RuleSource?, PolicyRule?, string?, bool> visit)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(visit);
        foreach (var binding in policy.ClusterRoleBindings)
        {
            if (AppliesTo(user, binding.Subjects, "") is not { } subject)
                continue;
            var (rules, error) = RoleReferenceRules(binding.RoleRef, "");
            if (error is not null)
            {
                if (!visit(null, null, error))
                    return;
                continue;
            }
            var source = new RuleSource("ClusterRoleBinding", binding.Metadata?.Name ?? "", "", binding.RoleRef?.Kind ?? "", binding.RoleRef?.Name ?? "", Describe(subject, ""));
            foreach (var rule in rules)
            {
                if (!visit(source, rule, null))
                    return;
            }
        }
        if (ns.Length == 0)
            return;
        foreach (var binding in policy.RoleBindings(ns))
        {
            if (AppliesTo(user, binding.Subjects, ns) is not { } subject)
                continue;
            var (rules, error) = RoleReferenceRules(binding.RoleRef, ns);
            if (error is not null)
            {
                if (!visit(null, null, error))
                    return;
                continue;
            }
            var source = new RuleSource("RoleBinding", binding.Metadata?.Name ?? "", ns, binding.RoleRef?.Kind ?? "", binding.RoleRef?.Name ?? "", Describe(subject, ns));
            foreach (var rule in rules)
            {
                if (!visit(source, rule, null))
                    return;
            }
        }
    }

    /// <summary>Every rule of the user in the namespace, and the resolution errors met on the way.</summary>
    public (List<PolicyRule> Rules, List<string> Errors) RulesFor(UserInfo user, string ns)
    {
        var rules = new List<PolicyRule>();
        var errors = new List<string>();
        VisitRulesFor(user, ns, (_, rule, error) =>
        {
            if (error is not null)
                errors.Add(error);
            else if (rule is not null)
                rules.Add(rule);
            return true;
        });
        return (rules, errors);
    }

    /// <summary>The rules of the Role or ClusterRole a binding refers to; an error in upstream's words when it is missing.</summary>
    public (IList<PolicyRule> Rules, string? Error) RoleReferenceRules(RoleRef? roleRef, string bindingNamespace)
    {
        var name = roleRef?.Name ?? "";
        switch (roleRef?.Kind)
        {
            case "Role":
                return policy.GetRole(bindingNamespace, name) is { } role
                    ? (role.Rules ?? [], null)
                    : ([], $"role.rbac.authorization.k8s.io {RuleSource.Quote(name)} not found");
            case "ClusterRole":
                return policy.GetClusterRole(name) is { } clusterRole
                    ? (clusterRole.Rules ?? [], null)
                    : ([], $"clusterrole.rbac.authorization.k8s.io {RuleSource.Quote(name)} not found");
            default:
                return ([], $"unsupported role reference kind: {RuleSource.Quote(roleRef?.Kind ?? "")}");
        }
    }

    /// <summary>The first subject naming the user, or null. A ServiceAccount without a namespace takes the binding's.</summary>
    public static Subject? AppliesTo(UserInfo user, IList<Subject>? subjects, string bindingNamespace)
    {
        foreach (var subject in subjects ?? [])
        {
            var applies = subject.Kind switch
            {
                "User" => user.Name == subject.Name,
                "Group" => user.Groups.Contains(subject.Name ?? ""),
                "ServiceAccount" => (string.IsNullOrEmpty(subject.Namespace) ? bindingNamespace : subject.Namespace) is { Length: > 0 } saNamespace
                    && user.Name == ServiceAccountUser(saNamespace, subject.Name ?? ""),
                _ => false,
            };
            if (applies)
                return subject;
        }
        return null;
    }

    public static string ServiceAccountUser(string ns, string name) => $"{ServiceAccountPrefix}{ns}:{name}";

    private static string Describe(Subject subject, string bindingNamespace) => subject.Kind == "ServiceAccount"
        ? $"{subject.Kind} {RuleSource.Quote($"{subject.Name}/{(string.IsNullOrEmpty(subject.Namespace) ? bindingNamespace : subject.Namespace)}")}"
        : $"{subject.Kind} {RuleSource.Quote(subject.Name ?? "")}";
}
