namespace Kubelike.Storage;

/// <summary>The newest committed revision and the newest compacted one (events at or below it are gone).</summary>
public readonly record struct StoreRevisions(long Current, long Compacted);
