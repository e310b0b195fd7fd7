namespace Kubelike.Client.Watch;

/// <summary>One event of a watch: what happened and the object (its last state, for a deletion).</summary>
/// <param name="Type">What happened.</param>
/// <param name="Item">The object; for a bookmark one that carries only <c>metadata.resourceVersion</c>.</param>
/// <param name="ResourceVersion">The object's resourceVersion: where a watch resumes after this event.</param>
public sealed record WatchEvent<T>(WatchEventType Type, T Item, string? ResourceVersion);
