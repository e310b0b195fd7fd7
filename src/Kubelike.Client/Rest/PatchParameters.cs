namespace Kubelike.Client.Rest;

/// <summary>Query parameters of a patch.</summary>
public sealed record PatchParameters
{
    /// <summary>Required for server-side apply; recorded in managedFields.</summary>
    public string? FieldManager { get; init; }

    /// <summary>Server-side apply: take ownership of fields other managers own instead of failing with 409.</summary>
    public bool? Force { get; init; }

    /// <summary><c>Strict</c>, <c>Warn</c> or <c>Ignore</c>.</summary>
    public string? FieldValidation { get; init; }

    public bool DryRun { get; init; }
}
