namespace Kubelike.ApiMachinery.Errors;

/// <summary>One cause in a Status's details. <paramref name="Reason"/> is the cause type ("FieldValueRequired").</summary>
public sealed record StatusCause(string? Reason, string? Message, string? Field = null);
