namespace Kubelike.ApiServer.Admission;

/// <summary>
/// The admission stage of the request pipeline: every mutating plugin in registration order, then (after the
/// object's own validation) every validating plugin. Later issues add plugins (quotas, pod security, webhooks)
/// by registering them; endpoints never change.
/// </summary>
public sealed class AdmissionChain(IEnumerable<IMutatingAdmissionPlugin> mutating, IEnumerable<IValidatingAdmissionPlugin> validating)
{
    private readonly IMutatingAdmissionPlugin[] _mutating = [.. mutating];
    private readonly IValidatingAdmissionPlugin[] _validating = [.. validating];

    public async ValueTask MutateAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        foreach (var plugin in _mutating)
            await plugin.MutateAsync(request, cancellationToken);
    }

    public async ValueTask ValidateAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        foreach (var plugin in _validating)
            await plugin.ValidateAsync(request, cancellationToken);
    }
}
