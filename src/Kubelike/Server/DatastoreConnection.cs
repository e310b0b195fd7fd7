namespace Kubelike.Server;

/// <summary>
/// The connection string of the datastore, resolved only when the store opens: the embedded PostgreSQL's
/// socket directory is not known before it has started.
/// </summary>
internal sealed class DatastoreConnection(string description, Func<string> connectionString)
{
    public string Description { get; } = description;

    public string ConnectionString => connectionString();
}
