namespace Kubelike.Client.Rest;

/// <summary>Query parameters of a list (and of a delete-collection).</summary>
public sealed record ListParameters
{
    /// <summary>E.g. <c>app=web,tier!=db</c>.</summary>
    public string? LabelSelector { get; init; }

    /// <summary>E.g. <c>metadata.name=web</c>.</summary>
    public string? FieldSelector { get; init; }

    /// <summary>At most this many items; the answer carries a continue token when there are more.</summary>
    public int? Limit { get; init; }

    public string? Continue { get; init; }

    /// <summary>Unset: the most recent state; <c>0</c>: any recent state; else a revision (see <see cref="ResourceVersionMatch"/>).</summary>
    public string? ResourceVersion { get; init; }

    /// <summary><c>NotOlderThan</c> or <c>Exact</c>.</summary>
    public string? ResourceVersionMatch { get; init; }

    public int? TimeoutSeconds { get; init; }
}
