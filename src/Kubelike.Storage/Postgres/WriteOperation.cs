namespace Kubelike.Storage.Postgres;

internal enum WriteKind : short
{
    Create = 0,
    Update = 1,
    Delete = 2,
}

/// <summary>One queued write and the promise its caller awaits.</summary>
internal sealed class WriteOperation(
    WriteKind kind,
    ObjectKey key,
    ReadOnlyMemory<byte> value,
    string? uid,
    long? expectedRevision,
    string? expectedUid,
    CancellationToken cancellationToken)
{
    public WriteKind Kind { get; } = kind;
    public ObjectKey Key { get; } = key;
    public ReadOnlyMemory<byte> Value { get; } = value;
    public string? Uid { get; } = uid;
    public long? ExpectedRevision { get; } = expectedRevision;
    public string? ExpectedUid { get; } = expectedUid;
    public CancellationToken CancellationToken { get; } = cancellationToken;

    public TaskCompletionSource<StoredObject> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
