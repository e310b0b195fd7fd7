namespace Kubelike.Storage;

/// <summary>Conditions a delete must meet; a null member is not checked.</summary>
public sealed record DeletePreconditions(string? Uid = null, long? Revision = null);
