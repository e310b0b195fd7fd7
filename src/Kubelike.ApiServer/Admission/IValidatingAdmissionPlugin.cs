namespace Kubelike.ApiServer.Admission;

/// <summary>An admission plugin that accepts or denies the final object (by throwing an ApiException); it never changes it.</summary>
public interface IValidatingAdmissionPlugin
{
    string Name { get; }

    ValueTask ValidateAsync(AdmissionRequest request, CancellationToken cancellationToken);
}
