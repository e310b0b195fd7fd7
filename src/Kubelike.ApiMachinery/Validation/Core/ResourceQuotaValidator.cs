using Kubelike.Api.Core.V1;

namespace Kubelike.ApiMachinery.Validation.Core;

/// <summary>A ResourceQuota (upstream's ValidateResourceQuota): qualified resource names, no negative amounts, known scopes.</summary>
public sealed class ResourceQuotaValidator : FieldValidator<ResourceQuota>
{
    private static readonly string[] Scopes = ["BestEffort", "CrossNamespacePodAffinity", "NotBestEffort", "NotTerminating", "PriorityClass", "Terminating"];
    private static readonly string[] ScopeOperators = ["DoesNotExist", "Exists", "In", "NotIn"];

    public ResourceQuotaValidator() =>
        Check((quota, e) =>
        {
            var spec = quota.Spec ?? new ResourceQuotaSpec();
            var hard = e.Path.Child("spec", "hard");
            foreach (var (name, quantity) in Maps.Sorted(spec.Hard))
            {
                e.QualifiedName(hard.Key(name), name);
                ResourceRequirementsValidator.NonnegativeQuantity(e, hard.Key(name), quantity);
            }
            foreach (var scope in spec.Scopes ?? [])
            {
                if (!Scopes.Contains(scope))
                {
                    e.Invalid(e.Path.Child("spec", "scopes"), spec.Scopes, "unsupported scope");
                }
            }
            var i = 0;
            foreach (var requirement in spec.ScopeSelector?.MatchExpressions ?? [])
            {
                var at = e.Path.Child("spec", "scopeSelector", "matchExpressions").Index(i++);
                if (!Scopes.Contains(requirement.ScopeName ?? ""))
                {
                    e.Invalid(at.Child("scopeName"), requirement.ScopeName ?? "", "unsupported scope");
                }
                e.OneOf(at.Child("operator"), requirement.Operator, ScopeOperators);
            }
        });
}
