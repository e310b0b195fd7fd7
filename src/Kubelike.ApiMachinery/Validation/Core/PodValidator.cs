using Kubelike.Api.Core.V1;

namespace Kubelike.ApiMachinery.Validation.Core;

/// <summary>A Pod: its spec, which must be there.</summary>
public sealed class PodValidator : FieldValidator<Pod>
{
    public PodValidator()
    {
        Check((pod, e) =>
        {
            var spec = e.Path.Child("spec");
            if (pod.Spec is null)
            {
                e.Required(spec.Child("containers"));
                return;
            }
            e.Validate(PodSpecValidator.Instance, pod.Spec, spec);
        });
    }
}

/// <summary>The rules only a new Pod has: no ephemeral containers (they are added through their subresource).</summary>
public sealed class PodCreateValidator : FieldValidator<Pod>
{
    public PodCreateValidator()
    {
        Check((pod, e) =>
        {
            if (pod.Spec?.EphemeralContainers is { Count: > 0 })
            {
                e.Forbidden(e.Path.Child("spec", "ephemeralContainers"), "cannot be set on create");
            }
        });
    }
}
