namespace Kubelike.ApiMachinery.Metadata;

/// <summary>An entry of metadata.ownerReferences.</summary>
public sealed record OwnerReference(string ApiVersion, string Kind, string Name, string Uid, bool? Controller = null, bool? BlockOwnerDeletion = null);
