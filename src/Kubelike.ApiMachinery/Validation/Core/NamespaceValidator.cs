using Kubelike.Api.Core.V1;

namespace Kubelike.ApiMachinery.Validation.Core;

/// <summary>A Namespace: its spec finalizers are "kubernetes" or qualified names with a domain.</summary>
public sealed class NamespaceValidator : FieldValidator<Namespace>
{
    public NamespaceValidator() =>
        Check((ns, e) =>
        {
            var i = 0;
            foreach (var finalizer in ns.Spec?.Finalizers ?? [])
            {
                var at = e.Path.Child("spec", "finalizers").Index(i++);
                e.QualifiedName(at, finalizer);
                if (!finalizer.Contains('/', StringComparison.Ordinal) && finalizer != "kubernetes")
                {
                    e.Invalid(at, finalizer, "name is neither a standard finalizer name nor is it fully qualified");
                }
            }
        });
}
