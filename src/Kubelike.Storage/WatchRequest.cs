namespace Kubelike.Storage;

/// <summary>
/// Watch one resource (optionally one namespace) for changes after <see cref="AfterRevision"/> (exclusive).
/// Null starts at the store's current revision.
/// </summary>
public sealed record WatchRequest(string Resource, string? Namespace = null, long? AfterRevision = null);
