namespace Kubelike.Storage.Embedded;

/// <summary>Another kubelike server holds the lock on the data directory.</summary>
public sealed class DataDirectoryInUseException(string dataDirectory, int? ownerProcessId)
    : Exception($"data directory {dataDirectory} is in use by another kubelike server (pid {ownerProcessId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"})")
{
    public string DataDirectory { get; } = dataDirectory;

    /// <summary>The holder's pid as it recorded it in the lock file; null when it could not be read.</summary>
    public int? OwnerProcessId { get; } = ownerProcessId;
}
