namespace Kubelike.Client.Rest;

/// <summary>Query parameters of create and update.</summary>
public sealed record WriteParameters
{
    /// <summary>Recorded in managedFields as the writer of the fields.</summary>
    public string? FieldManager { get; init; }

    /// <summary><c>Strict</c>, <c>Warn</c> or <c>Ignore</c>: what the server does with unknown fields.</summary>
    public string? FieldValidation { get; init; }

    /// <summary>Validate and answer, but do not store.</summary>
    public bool DryRun { get; init; }
}
