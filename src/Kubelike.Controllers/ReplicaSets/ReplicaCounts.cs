namespace Kubelike.Controllers.ReplicaSets;

/// <summary>
/// The counts a ReplicaSet or ReplicationController reports in status; absent fields read as zero, because zero
/// counts are omitted on the wire.
/// </summary>
public readonly record struct ReplicaCounts(int Replicas, int FullyLabeled, int Ready, int Available, long ObservedGeneration);
