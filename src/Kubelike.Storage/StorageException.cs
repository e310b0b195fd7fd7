namespace Kubelike.Storage;

/// <summary>
/// Every failure the store reports. The API layer maps <see cref="Code"/> to a Kubernetes Status.
/// </summary>
public sealed class StorageException(StorageErrorCode code, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public StorageErrorCode Code { get; } = code;

    /// <summary>For <see cref="StorageErrorCode.Conflict"/>/<see cref="StorageErrorCode.PreconditionFailed"/>: the stored revision.</summary>
    public long? CurrentRevision { get; init; }

    /// <summary>For <see cref="StorageErrorCode.Expired"/>: the oldest revision still served.</summary>
    public long? CompactedRevision { get; init; }
}
