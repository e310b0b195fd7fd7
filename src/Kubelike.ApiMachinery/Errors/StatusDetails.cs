namespace Kubelike.ApiMachinery.Errors;

/// <summary>
/// A Status's details. <see cref="Kind"/> holds the resource ("deployments") for most errors and the kind
/// ("Deployment") for Invalid, as upstream fills it.
/// </summary>
public sealed record StatusDetails
{
    public string? Name { get; init; }
    public string? Group { get; init; }
    public string? Kind { get; init; }
    public string? Uid { get; init; }
    public IReadOnlyList<StatusCause> Causes { get; init; } = [];
    public int RetryAfterSeconds { get; init; }
}
