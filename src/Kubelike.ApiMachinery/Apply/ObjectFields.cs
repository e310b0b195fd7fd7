using System.Text.Json.Nodes;

namespace Kubelike.ApiMachinery.Apply;

/// <summary>The fields an object sets, and the fields in which two objects differ, under an <see cref="ApplyType"/>.</summary>
public static class ObjectFields
{
    /// <summary>
    /// The fields <paramref name="obj"/> sets (structured-merge-diff's ToFieldSet): leaves, list items, map entries,
    /// and null or empty objects; a declared field with content is implied by its children.
    /// </summary>
    public static FieldSet Of(JsonNode? obj, ApplyType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var set = new FieldSet();
        Collect(obj, type, [], set);
        return set;
    }

    private static void Collect(JsonNode? value, ApplyType type, List<PathElement> path, FieldSet set)
    {
        if (type.IsLeaf(value))
        {
            set.Insert(path);
            return;
        }
        if (type.Kind == ApplyKind.List)
        {
            if (value is not JsonArray array)
                return;
            var itemType = type.Item;
            for (var i = 0; i < array.Count; i++)
            {
                path.Add(type.ItemElement(array[i], i));
                Collect(array[i], itemType, path, set);
                set.Insert(path);
                path.RemoveAt(path.Count - 1);
            }
            return;
        }
        if (value is not JsonObject obj)
            return;
        foreach (var (key, child) in obj)
        {
            path.Add(PathElement.Field(key));
            Collect(child, type.Field(key), path, set);
            if (child is null || child is JsonObject { Count: 0 } || !type.Declares(key))
                set.Insert(path);
            path.RemoveAt(path.Count - 1);
        }
    }

    /// <summary>
    /// What changed from <paramref name="before"/> to <paramref name="after"/>: changed leaves are Modified; a
    /// field, item or entry present on one side only is Added or Removed together with everything below it
    /// (declared fields with content are implied by their children).
    /// </summary>
    public static Comparison Compare(JsonNode? before, JsonNode? after, ApplyType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var comparison = new Comparison(new FieldSet(), new FieldSet(), new FieldSet());
        Diff(before, before is not null, after, after is not null, type, [], false, comparison);
        return comparison;
    }

    private static void Diff(JsonNode? a, bool hasA, JsonNode? b, bool hasB, ApplyType type, List<PathElement> path, bool declared, Comparison result)
    {
        var granular = !type.IsLeaf(hasA ? a : b) && !type.IsLeaf(hasB ? b : a) && !BothEmpty(a, b)
            && (type.Kind == ApplyKind.List ? (a is JsonArray || !hasA || a is null) && (b is JsonArray || !hasB || b is null)
                : (a is JsonObject || !hasA || a is null) && (b is JsonObject || !hasB || b is null));
        if (!granular)
        {
            if (!hasA)
                result.Added.Insert(path);
            else if (!hasB)
                result.Removed.Insert(path);
            else if (!JsonNode.DeepEquals(a, b))
                result.Modified.Insert(path);
            return;
        }
        if (type.Kind == ApplyKind.List)
        {
            var itemType = type.Item;
            var left = Items(a as JsonArray, type);
            var right = Items(b as JsonArray, type);
            foreach (var (element, item) in left)
            {
                path.Add(element);
                var inRight = right.TryGetValue(element, out var other);
                Diff(item, true, other, inRight, itemType, path, false, result);
                path.RemoveAt(path.Count - 1);
            }
            foreach (var (element, item) in right)
            {
                if (left.ContainsKey(element))
                    continue;
                path.Add(element);
                Diff(null, false, item, true, itemType, path, false, result);
                path.RemoveAt(path.Count - 1);
            }
        }
        else
        {
            var left = a as JsonObject;
            var right = b as JsonObject;
            foreach (var (key, child) in left ?? [])
            {
                path.Add(PathElement.Field(key));
                JsonNode? other = null;
                var inRight = right is not null && right.TryGetPropertyValue(key, out other);
                Diff(child, true, other, inRight, type.Field(key), path, type.Declares(key), result);
                path.RemoveAt(path.Count - 1);
            }
            foreach (var (key, child) in right ?? [])
            {
                if (left is not null && left.ContainsKey(key))
                    continue;
                path.Add(PathElement.Field(key));
                Diff(null, false, child, true, type.Field(key), path, type.Declares(key), result);
                path.RemoveAt(path.Count - 1);
            }
        }
        // A whole item, entry or list appeared or went; a declared struct field is implied by its children.
        if (path.Count > 0 && !(declared && type.Kind == ApplyKind.Struct))
        {
            if (!hasA)
                result.Added.Insert(path);
            else if (!hasB)
                result.Removed.Insert(path);
        }
    }

    private static bool BothEmpty(JsonNode? a, JsonNode? b) => IsEmpty(a) && IsEmpty(b);

    private static bool IsEmpty(JsonNode? node) => node is null || node is JsonObject { Count: 0 } || node is JsonArray { Count: 0 };

    /// <summary>The items of a granular list by path element; a repeated element keeps its first item.</summary>
    internal static Dictionary<PathElement, JsonNode?> Items(JsonArray? array, ApplyType type)
    {
        var items = new Dictionary<PathElement, JsonNode?>();
        if (array is null)
            return items;
        for (var i = 0; i < array.Count; i++)
            items.TryAdd(type.ItemElement(array[i], i), array[i]);
        return items;
    }
}
