namespace Kubelike.ApiMachinery.Apply;

/// <summary>
/// Where a write happens: the schema of the kind, the API version of the request, the subresource ("" for the
/// main resource), whether the main resource leaves status to a subresource (so status is owned by nobody there),
/// and the time entries are stamped with.
/// </summary>
public sealed record FieldManagerScope(ApplyType Type, string ApiVersion, string Subresource, bool StatusIsSubresource, DateTimeOffset Now)
{
    private static readonly PathElement Status = PathElement.Field("status");

    /// <summary>The part of <paramref name="fields"/> this scope can own: status alone on /status, all but status on a main resource with a /status.</summary>
    public FieldSet Ownable(FieldSet fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (Subresource == "status")
        {
            var status = new FieldSet();
            if (fields.Members.Contains(Status))
                status.Insert(Status);
            return fields.Child(Status) is { } below ? status.Union(Prefixed(below)) : status;
        }
        return StatusIsSubresource && Subresource.Length == 0 ? fields.RecursiveDifference(new FieldSet().Insert(Status)) : fields;
    }

    private static FieldSet Prefixed(FieldSet below)
    {
        var result = new FieldSet();
        foreach (var path in below.Paths())
            result.Insert([Status, .. path]);
        return result;
    }
}
