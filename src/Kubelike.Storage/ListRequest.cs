namespace Kubelike.Storage;

/// <summary>
/// A list of one resource, optionally in one namespace. With <see cref="Limit"/> &gt; 0 the answer is a page
/// and <see cref="ListResult.Continue"/> carries on from it at the same revision.
/// <see cref="Revision"/> asks for the state at that exact revision (Expired if compacted); null means the latest.
/// </summary>
public sealed record ListRequest(
    string Resource,
    string? Namespace = null,
    int Limit = 0,
    string? Continue = null,
    long? Revision = null,
    bool CountRemaining = false);
