namespace Kubelike.Storage;

/// <summary>
/// A page of a list. <see cref="Revision"/> is the revision the whole list (all its pages) is consistent at.
/// <see cref="Continue"/> is null on the last page. <see cref="RemainingItemCount"/> is set when asked for and more remain.
/// </summary>
public sealed record ListResult(
    IReadOnlyList<StoredObject> Items,
    long Revision,
    string? Continue,
    long? RemainingItemCount);
