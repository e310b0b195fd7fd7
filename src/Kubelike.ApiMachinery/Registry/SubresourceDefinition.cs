namespace Kubelike.ApiMachinery.Registry;

/// <summary>A subresource such as status, scale, log or eviction, as discovery lists it.</summary>
public sealed record SubresourceDefinition(string Name, GroupVersionKind? ResponseKind, IReadOnlyList<string> Verbs);
