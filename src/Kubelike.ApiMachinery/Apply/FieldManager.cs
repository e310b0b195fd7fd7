using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Errors;

namespace Kubelike.ApiMachinery.Apply;

/// <summary>
/// Field ownership as kube-apiserver's field manager keeps it in <c>metadata.managedFields</c>: every write that is
/// not an apply gives the fields it changed to its manager (operation Update); an apply merges the configuration
/// into the live object, removes what the applier stopped applying and nobody else owns, and refuses to change
/// fields other managers own unless forced.
/// </summary>
public static class FieldManager
{
    /// <summary>The manager that gets the fields of an object first applied to before any manager was tracked.</summary>
    public const string BeforeFirstApply = "before-first-apply";

    /// <summary>kubectl's client-side apply annotation, which server-side apply keeps up to date for kubectl.</summary>
    public const string LastAppliedAnnotation = "kubectl.kubernetes.io/last-applied-configuration";

    /// <summary>Past this many Update entries the oldest are merged into <see cref="AncientChanges"/> (upstream's cap).</summary>
    public const int MaxUpdateManagers = 10;

    /// <summary>The manager that collects the fields of the oldest Update entries once there are too many.</summary>
    public const string AncientChanges = "ancient-changes";

    // The applier whose client-side-apply history may be taken over without conflicts.
    private const string Kubectl = "kubectl";

    // Fields nobody owns: type and identity metadata the server sets.
    private static readonly FieldSet Unowned = new FieldSet()
        .Insert(PathElement.Field("apiVersion"))
        .Insert(PathElement.Field("kind"))
        .Insert(PathElement.Field("metadata"))
        .Insert(Metadata("name")).Insert(Metadata("namespace")).Insert(Metadata("creationTimestamp")).Insert(Metadata("selfLink"))
        .Insert(Metadata("uid")).Insert(Metadata("clusterName")).Insert(Metadata("generation")).Insert(Metadata("managedFields"))
        .Insert(Metadata("resourceVersion"));

    private static PathElement[] Metadata(string field) => [PathElement.Field("metadata"), PathElement.Field(field)];

    /// <summary>
    /// Records a create, update, patch or subresource write from <paramref name="live"/> (null for a create) to
    /// <paramref name="updated"/> under <paramref name="manager"/>, rewriting <c>updated.metadata.managedFields</c>.
    /// managedFields the writer sent replace the stored ones (<c>[]</c> clears them; malformed ones are ignored, as
    /// upstream does); an existing object without managedFields stays untracked until it is applied to.
    /// </summary>
    public static void Update(JsonObject? live, JsonObject updated, string manager, FieldManagerScope scope)
    {
        ArgumentNullException.ThrowIfNull(updated);
        ArgumentNullException.ThrowIfNull(scope);
        if (updated["metadata"] is not JsonObject metadata)
            return;
        var stored = Decode(live?["metadata"]?["managedFields"]);
        Dictionary<ManagerKey, ManagedEntry> managed;
        if (scope.Subresource.Length > 0)
            managed = stored;
        else if (ManagedFieldsList.IsReset(metadata["managedFields"]))
            managed = [];
        else
            managed = ManagedFieldsList.TryDecode(metadata["managedFields"], out _) is { Count: > 0 } sent ? sent : stored;
        metadata.Remove("managedFields");
        if (managed.Count == 0 && live is not null)
            return;
        RecordUpdate(managed, WithoutManagedFields(live), WithoutManagedFields(updated)!, manager, scope);
        Write(updated, managed);
    }

    /// <summary>
    /// Server-side apply of <paramref name="config"/> by <paramref name="manager"/> to <paramref name="live"/>
    /// (null to create): the merged object, not yet defaulted, with its managedFields. Throws a 409 Conflict
    /// listing the fields other managers own that the configuration would change, unless <paramref name="force"/>.
    /// </summary>
    public static JsonObject Apply(JsonObject? live, JsonObject config, string manager, bool force, FieldManagerScope scope)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(scope);
        var liveObject = WithoutManagedFields(live) ?? [];
        var managed = Decode(live?["metadata"]?["managedFields"]);
        if (managed.Count == 0 && live is not null)
        {
            // Fields set before anyone was tracked belong to a placeholder manager, so applying over them conflicts.
            RecordUpdate(managed, null, liveObject, BeforeFirstApply, scope);
        }

        var type = scope.Type;
        var key = ManagerKey.ForApply(manager, scope.Subresource);
        var previous = managed.GetValueOrDefault(key);
        var merged = ObjectMerge.Merge(liveObject, config, type) as JsonObject ?? [];
        managed[key] = new ManagedEntry(scope.Ownable(ObjectFields.Of(config, type)), scope.ApiVersion, previous?.Time);
        if (previous is not null)
        {
            var owned = managed.Values.Aggregate(new FieldSet(), (all, entry) => all.Union(entry.Fields));
            merged = ObjectMerge.Prune(merged, previous.Fields, owned, type) as JsonObject ?? [];
        }

        var comparison = ObjectFields.Compare(liveObject, merged, type);
        var changed = scope.Ownable(comparison.Modified.Union(comparison.Added));
        var conflicts = managed
            .Where(e => e.Key != key)
            .Select(e => (e.Key, Fields: e.Value.Fields.Intersection(changed)))
            .Where(c => !c.Fields.IsEmpty)
            .ToList();
        if (conflicts.Count > 0 && !force)
        {
            // kubectl taking over from its client-side apply: fields its last-applied configuration set, and which
            // still hold those values, are its own.
            if (manager == Kubectl && AllowedByLastApplied(live, type) is { } allowed)
                conflicts = [.. conflicts.Select(c => (c.Key, Fields: c.Fields.Difference(allowed))).Where(c => !c.Fields.IsEmpty)];
            if (conflicts.Count > 0)
                throw ConflictError(conflicts);
        }
        RemoveFromOthers(managed, key, changed, comparison.Removed);
        var applied = managed[key].Fields.Difference(Unowned);
        if (applied.IsEmpty)
            managed.Remove(key);
        else
            managed[key] = managed[key] with { Fields = applied, Time = JsonNode.DeepEquals(liveObject, merged) ? managed[key].Time : scope.Now };

        if (manager == Kubectl && LastApplied(live) is { Length: > 0 })
        {
            var annotation = config.DeepClone().AsObject();
            (annotation["metadata"]?["annotations"] as JsonObject)?.Remove(LastAppliedAnnotation);
            var annotations = merged["metadata"]?["annotations"] as JsonObject;
            annotations?[LastAppliedAnnotation] = JsonOrder.GoJson(annotation) + "\n";
        }
        Write(merged, managed);
        return merged;
    }

    private static void RecordUpdate(Dictionary<ManagerKey, ManagedEntry> managed, JsonObject? before, JsonObject after, string manager, FieldManagerScope scope)
    {
        var comparison = ObjectFields.Compare(before ?? [], after, scope.Type);
        var changed = scope.Ownable(comparison.Modified.Union(comparison.Added));
        RemoveFromOthers(managed, null, changed, comparison.Removed);
        var taken = changed.Difference(Unowned);
        if (taken.IsEmpty)
            return;
        var key = ManagerKey.ForUpdate(manager.Length > 0 ? manager : "unknown", scope.ApiVersion, scope.Subresource);
        var fields = managed.TryGetValue(key, out var previous) ? previous.Fields.Union(taken) : taken;
        managed[key] = new ManagedEntry(fields, scope.ApiVersion, scope.Now);
    }

    /// <summary>Changed fields leave every other manager, and removed fields leave everyone; emptied entries go.</summary>
    private static void RemoveFromOthers(Dictionary<ManagerKey, ManagedEntry> managed, ManagerKey? except, FieldSet changed, FieldSet removed)
    {
        foreach (var (key, entry) in managed.ToList())
        {
            var fields = entry.Fields.Difference(removed);
            if (key != except)
                fields = fields.Difference(changed);
            if (fields.IsEmpty)
                managed.Remove(key);
            else
                managed[key] = entry with { Fields = fields };
        }
    }

    private static FieldSet? AllowedByLastApplied(JsonObject? live, ApplyType type)
    {
        if (live is null || LastApplied(live) is not { Length: > 0 } text)
            return null;
        JsonNode? lastApplied;
        try
        {
            lastApplied = JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
        if (lastApplied is not JsonObject)
            return null;
        var comparison = ObjectFields.Compare(lastApplied, WithoutManagedFields(live), type);
        return ObjectFields.Of(lastApplied, type).Difference(comparison.Modified).Difference(comparison.Added).Difference(comparison.Removed);
    }

    private static string? LastApplied(JsonObject? obj) =>
        obj?["metadata"]?["annotations"]?[LastAppliedAnnotation] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static ApiException ConflictError(List<(ManagerKey Key, FieldSet Fields)> conflicts)
    {
        var ordered = conflicts
            .OrderBy(c => c.Key.Identifier, StringComparer.Ordinal)
            .SelectMany(c => c.Fields.Paths().Select(path => (c.Key, Path: PathElement.Format(path))))
            .ToList();
        var causes = ordered.Select(c => new StatusCause("FieldManagerConflict", $"conflict with {c.Key.Describe()}", c.Path)).ToList();
        string message;
        if (ordered.Count == 1)
        {
            message = $"Apply failed with 1 conflict: conflict with {ordered[0].Key.Describe()}: {ordered[0].Path}";
        }
        else
        {
            var lines = ordered.GroupBy(c => c.Key).SelectMany(g => new[] { $"conflicts with {g.Key.Describe()}:" }.Concat(g.Select(c => $"- {c.Path}")));
            message = $"Apply failed with {ordered.Count} conflicts: {string.Join("\n", lines)}";
        }
        return ApiException.ApplyConflict(message, causes);
    }

    private static Dictionary<ManagerKey, ManagedEntry> Decode(JsonNode? managedFields) =>
        ManagedFieldsList.TryDecode(managedFields, out _) ?? [];

    private static JsonObject? WithoutManagedFields(JsonObject? obj)
    {
        if (obj is null)
            return null;
        var copy = obj.DeepClone().AsObject();
        (copy["metadata"] as JsonObject)?.Remove("managedFields");
        return copy;
    }

    /// <summary>
    /// Keeps at most <see cref="MaxUpdateManagers"/> Update entries: the oldest are merged, per API version, into one
    /// <see cref="AncientChanges"/> entry that carries the time of the latest update merged into it.
    /// </summary>
    private static void CapUpdateManagers(Dictionary<ManagerKey, ManagedEntry> managed)
    {
        var updaters = managed.Where(e => !e.Key.IsApply)
            .OrderBy(e => e.Value.Time?.ToUnixTimeSeconds() ?? 0)
            .ThenBy(e => e.Key.Identifier, StringComparer.Ordinal)
            .Select(e => e.Key)
            .ToList();
        var count = updaters.Count;
        var firstOfVersion = new Dictionary<string, ManagerKey>(StringComparer.Ordinal);
        for (var i = 0; i < updaters.Count && count > MaxUpdateManagers; i++)
        {
            var key = updaters[i];
            var entry = managed[key];
            var bucket = ManagerKey.ForUpdate(AncientChanges, entry.ApiVersion, "");
            if (!firstOfVersion.TryGetValue(entry.ApiVersion, out var first))
            {
                firstOfVersion[entry.ApiVersion] = key;
                continue;
            }
            if (!managed.TryGetValue(bucket, out var collected))
            {
                collected = managed[first];
                managed.Remove(first);
            }
            managed[bucket] = new ManagedEntry(entry.Fields.Union(collected.Fields), entry.ApiVersion, entry.Time);
            managed.Remove(key);
            count--;
        }
    }

    private static void Write(JsonObject obj, Dictionary<ManagerKey, ManagedEntry> managed)
    {
        CapUpdateManagers(managed);
        if (ManagedFieldsList.Encode(managed) is { } list)
        {
            if (obj["metadata"] is not JsonObject metadata)
                obj["metadata"] = metadata = [];
            metadata["managedFields"] = list;
        }
        else
        {
            (obj["metadata"] as JsonObject)?.Remove("managedFields");
        }
    }
}
