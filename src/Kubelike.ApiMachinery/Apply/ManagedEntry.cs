namespace Kubelike.ApiMachinery.Apply;

/// <summary>The fields one manager owns, the API version they are expressed in, and when it last changed them.</summary>
public sealed record ManagedEntry(FieldSet Fields, string ApiVersion, DateTimeOffset? Time);
