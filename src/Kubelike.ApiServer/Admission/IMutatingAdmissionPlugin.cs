namespace Kubelike.ApiServer.Admission;

/// <summary>An admission plugin that may change the object before validation; it denies by throwing an ApiException.</summary>
public interface IMutatingAdmissionPlugin
{
    string Name { get; }

    ValueTask MutateAsync(AdmissionRequest request, CancellationToken cancellationToken);
}
