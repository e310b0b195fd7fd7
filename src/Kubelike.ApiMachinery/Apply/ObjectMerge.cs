using System.Text.Json.Nodes;

namespace Kubelike.ApiMachinery.Apply;

/// <summary>
/// Merging an applied configuration into a live object, and taking fields out of an object, with the list and
/// map semantics of an <see cref="ApplyType"/>. Inputs are never changed; results share no nodes with them.
/// </summary>
public static class ObjectMerge
{
    /// <summary>
    /// <paramref name="config"/> merged into <paramref name="live"/>: leaves and atomic values from the configuration,
    /// objects merged field by field, granular lists item by item (configuration order for the items it has, live
    /// items it lacks kept in place). A null in the configuration removes the field.
    /// </summary>
    public static JsonNode? Merge(JsonNode? live, JsonNode? config, ApplyType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (config is null)
            return live?.DeepClone();
        if (live is null || type.IsLeaf(config) || type.IsLeaf(live))
            return Clean(config);
        if (type.Kind == ApplyKind.List)
        {
            if (live is not JsonArray liveItems || config is not JsonArray configItems)
                return Clean(config);
            return MergeList(liveItems, configItems, type);
        }
        if (live is not JsonObject liveObject || config is not JsonObject configObject)
            return Clean(config);
        var result = new JsonObject();
        foreach (var (key, value) in liveObject)
        {
            if (!configObject.TryGetPropertyValue(key, out var configValue))
                result[key] = value?.DeepClone();
            else if (configValue is not null)
                result[key] = Merge(value, configValue, type.Field(key));
        }
        foreach (var (key, value) in configObject)
        {
            if (!liveObject.ContainsKey(key) && value is not null)
                result[key] = Clean(value);
        }
        return result;
    }

    // Same item order as structured-merge-diff: items both sides have follow the configuration's order; live-only
    // items stay where they were relative to them; configuration-only items come where the configuration has them.
    private static JsonArray MergeList(JsonArray live, JsonArray config, ApplyType type)
    {
        var itemType = type.Item;
        var left = Elements(live, type);
        var right = Elements(config, type);
        var leftItems = ObjectFields.Items(live, type);
        var rightItems = ObjectFields.Items(config, type);
        var shared = new Queue<PathElement>(right.Select(r => r.Element).Where(leftItems.ContainsKey));
        var nextShared = shared.Count > 0 ? shared.Dequeue() : null;
        var merged = new HashSet<PathElement>();
        var output = new JsonArray();
        int l = 0, r = 0;
        while (l < left.Count || r < right.Count)
        {
            if (l < left.Count && r < right.Count)
            {
                var element = left[l].Element;
                if (element.Equals(right[r].Element))
                {
                    merged.Add(element);
                    output.Add(Merge(leftItems[element], rightItems[element], itemType));
                    l++;
                    r++;
                    nextShared = shared.Count > 0 ? shared.Dequeue() : null;
                    continue;
                }
                if (rightItems.ContainsKey(element) && nextShared is not null && !nextShared.Equals(element))
                {
                    l++;
                    continue;
                }
            }
            if (l < left.Count)
            {
                var element = left[l].Element;
                if (!rightItems.ContainsKey(element))
                {
                    output.Add(left[l].Item?.DeepClone());
                    l++;
                    continue;
                }
                if (merged.Contains(element))
                {
                    l++;
                    continue;
                }
            }
            if (r < right.Count)
            {
                var element = right[r].Element;
                if (merged.Add(element))
                    output.Add(Merge(leftItems.GetValueOrDefault(element), rightItems[element], itemType));
                r++;
                if (nextShared is not null && nextShared.Equals(element))
                    nextShared = shared.Count > 0 ? shared.Dequeue() : null;
            }
        }
        return output;
    }

    private static List<(PathElement Element, JsonNode? Item)> Elements(JsonArray array, ApplyType type) =>
        [.. array.Select((item, i) => (type.ItemElement(item, i), item))];

    /// <summary>A copy without the null-valued fields of objects (a null in an applied configuration means "not set").</summary>
    private static JsonNode? Clean(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var result = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    if (value is not null)
                        result[key] = Clean(value);
                }
                return result;
            case JsonArray array:
                return new JsonArray([.. array.Select(Clean)]);
            default:
                return node?.DeepClone();
        }
    }

    /// <summary><paramref name="obj"/> without the member paths of <paramref name="set"/> (and what is below them).</summary>
    public static JsonNode? RemoveItems(JsonNode? obj, FieldSet set, ApplyType type) => Remove(obj, set, null, type, []);

    /// <summary>
    /// Removes from <paramref name="merged"/> the fields <paramref name="applier"/> applied last time
    /// (<paramref name="lastApplied"/>) that no manager in <paramref name="owned"/> (which includes the applier's
    /// new configuration) still owns. A field with an owned field below it stays, and so do the key fields of a
    /// list item that stays.
    /// </summary>
    public static JsonNode? Prune(JsonNode? merged, FieldSet lastApplied, FieldSet owned, ApplyType type)
    {
        ArgumentNullException.ThrowIfNull(lastApplied);
        ArgumentNullException.ThrowIfNull(owned);
        if (lastApplied.IsEmpty)
            return merged?.DeepClone();
        var ownedAll = EnsureNamedFieldsAreMembers(owned, type);
        var remove = EnsureNamedFieldsAreMembers(lastApplied, type).Difference(ownedAll);
        return Remove(merged, remove, ownedAll, type, []);
    }

    private static JsonNode? Remove(JsonNode? node, FieldSet? remove, FieldSet? owned, ApplyType type, IReadOnlyCollection<string> keep)
    {
        if (remove is null || remove.IsEmpty || node is null || type.IsLeaf(node))
            return node?.DeepClone();
        if (node is JsonArray array && type.Kind == ApplyKind.List)
        {
            var result = new JsonArray();
            var itemType = type.Item;
            for (var i = 0; i < array.Count; i++)
            {
                var element = type.ItemElement(array[i], i);
                var ownedBelow = owned?.Child(element);
                if (remove.Members.Contains(element) && (ownedBelow is null || ownedBelow.IsEmpty))
                    continue;
                result.Add(Remove(array[i], remove.Child(element), ownedBelow, itemType, type.ListKind == ListKind.Map ? type.Keys : []));
            }
            return result;
        }
        if (node is JsonObject obj)
        {
            var result = new JsonObject();
            foreach (var (key, value) in obj)
            {
                var element = PathElement.Field(key);
                var ownedBelow = owned?.Child(element);
                if (remove.Members.Contains(element) && !keep.Contains(key) && (ownedBelow is null || ownedBelow.IsEmpty))
                    continue;
                result[key] = Remove(value, remove.Child(element), ownedBelow, type.Field(key), []);
            }
            return result;
        }
        return node.DeepClone();
    }

    /// <summary>
    /// The set with every declared struct field that has paths below it made a member too, so that removing it
    /// removes the field and not only its leaves (structured-merge-diff's EnsureNamedFieldsAreMembers).
    /// </summary>
    public static FieldSet EnsureNamedFieldsAreMembers(FieldSet set, ApplyType type)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(type);
        var result = set.Clone();
        AddNamedFields(set, type, [], result);
        return result;
    }

    private static void AddNamedFields(FieldSet set, ApplyType type, List<PathElement> path, FieldSet result)
    {
        foreach (var (element, child) in set.Children)
        {
            if (child.IsEmpty)
                continue;
            path.Add(element);
            ApplyType childType;
            if (element.Kind == PathElementKind.Field)
            {
                if (type.Declares(element.Name!))
                    result.Insert(path);
                childType = type.Field(element.Name!);
            }
            else
            {
                childType = type.Item;
            }
            AddNamedFields(child, childType, path, result);
            path.RemoveAt(path.Count - 1);
        }
    }
}
