using Kubelike.ApiMachinery.Errors;
using Kubelike.ApiMachinery.Registry;
using Kubelike.Storage;

namespace Kubelike.ApiServer.Errors;

/// <summary>Translates the store's failures into the Status errors kube-apiserver answers for them.</summary>
public static class StorageErrors
{
    public static ApiException ToApiException(this StorageException exception, ResourceDefinition resource, string name) => exception.Code switch
    {
        StorageErrorCode.NotFound => ApiException.NotFound(resource, name),
        StorageErrorCode.AlreadyExists => ApiException.AlreadyExists(resource, name),
        StorageErrorCode.Conflict => ApiException.Conflict(resource, name),
        StorageErrorCode.PreconditionFailed => ApiException.Conflict(resource, name, exception.Message),
        StorageErrorCode.Expired => ApiException.Expired(exception.Message),
        StorageErrorCode.RevisionTooLarge => ApiException.Timeout(exception.Message, 1),
        StorageErrorCode.BadRequest => ApiException.BadRequest(exception.Message),
        StorageErrorCode.WatcherTooSlow => ApiException.Gone(exception.Message),
        _ => ApiException.ServiceUnavailable(exception.Message),
    };
}
