using Kubelike.Api.Coordination.V1;

namespace Kubelike.ApiMachinery.Validation.Cluster;

/// <summary>A Lease (upstream's ValidateLeaseSpec): a positive duration, non-negative transitions, a preferred holder only with a strategy.</summary>
public sealed class LeaseValidator : FieldValidator<Lease>
{
    private static readonly string[] Strategies = ["OldestEmulationVersion"];

    public LeaseValidator() =>
        Check((lease, e) =>
        {
            var spec = lease.Spec ?? new LeaseSpec();
            var at = e.Path.Child("spec");
            e.Positive(at.Child("leaseDurationSeconds"), spec.LeaseDurationSeconds);
            e.Nonnegative(at.Child("leaseTransitions"), spec.LeaseTransitions);
            e.OneOf(at.Child("strategy"), spec.Strategy, Strategies, required: false);
            if (!string.IsNullOrEmpty(spec.PreferredHolder) && string.IsNullOrEmpty(spec.Strategy))
            {
                e.Forbidden(at.Child("preferredHolder"), "may only be specified if `strategy` is defined");
            }
        });
}
