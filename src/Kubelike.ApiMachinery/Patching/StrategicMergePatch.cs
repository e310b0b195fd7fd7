using System.Text.Json;
using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Schema;

namespace Kubelike.ApiMachinery.Patching;

/// <summary>
/// Strategic merge patch (<c>application/strategic-merge-patch+json</c>) as kube-apiserver applies it: a merge patch
/// whose lists merge by key where the model's <c>[PatchStrategy("merge")]</c> and <c>[PatchMergeKey]</c> say so
/// (lists of primitives with the merge strategy are sets), with the directives <c>$patch</c> (replace, delete),
/// <c>$setElementOrder/&lt;list&gt;</c>, <c>$retainKeys</c> and <c>$deleteFromPrimitiveList/&lt;list&gt;</c>. Maps
/// merge, null deletes, lists without a strategy are replaced. <c>$patch: merge</c> is refused as upstream refuses it:
/// merging is a strategy of the schema, not a directive of the patch. Errors carry upstream's messages.
/// </summary>
public static class StrategicMergePatch
{
    private const string DirectiveMarker = "$patch";
    private const string RetainKeysDirective = "$retainKeys";
    private const string SetElementOrderPrefix = "$setElementOrder";
    private const string DeleteFromPrimitiveListPrefix = "$deleteFromPrimitiveList";

    /// <summary>Applies <paramref name="patch"/> to a copy of <paramref name="original"/>, with merge facts from <paramref name="modelType"/>.</summary>
    /// <exception cref="PatchException">400 for a malformed patch, 422 for a list of lists.</exception>
    public static JsonObject Apply(JsonObject original, JsonObject patch, Type modelType)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(patch);
        ArgumentNullException.ThrowIfNull(modelType);
        return MergeMap((JsonObject)original.DeepClone(), (JsonObject)patch.DeepClone(), ModelValue.Of(modelType));
    }

    /// <summary>Merges <paramref name="patch"/> into <paramref name="original"/>; both are owned (and consumed) here.</summary>
    private static JsonObject MergeMap(JsonObject original, JsonObject patch, ModelValue? schema)
    {
        if (patch.TryGetPropertyValue(DirectiveMarker, out var directive))
            return MapDirective(directive, patch, schema);
        ApplyRetainKeys(original, patch);
        MergeOrderedLists(original, patch, schema);

        foreach (var (patchKey, patchValue) in patch.ToList())
        {
            var key = patchKey;
            var isDeleteList = patchKey.StartsWith(DeleteFromPrimitiveListPrefix, StringComparison.Ordinal);
            if (isDeleteList)
                key = ExtractKey(patchKey, DeleteFromPrimitiveListPrefix);
            if (patchValue is null)
            {
                original.Remove(key);
                continue;
            }
            var originalValue = Detach(original, key);
            if (originalValue is null || ShapeOf(originalValue) != ShapeOf(patchValue))
            {
                // Absent (or of another shape) in the original: the patch value is taken, cleaned of nulls and directives.
                if (isDeleteList)
                {
                    if (originalValue is not null)
                        original[key] = originalValue;
                }
                else if (Clean(patchValue, FieldValue(schema, key)) is { } cleaned)
                {
                    original[key] = cleaned;
                }
                continue;
            }
            var field = Field(schema, key);
            var strategy = MergeStrategy(field);
            switch (originalValue)
            {
                case JsonObject originalObject:
                    original[key] = strategy == "replace"
                        ? Clean(patchValue, field?.Value) ?? new JsonObject()
                        : MergeMap(originalObject, (JsonObject)patchValue.DeepClone(), FieldValue(schema, key));
                    break;
                case JsonArray originalArray:
                    original[key] = MergeList(originalArray, (JsonArray)patchValue, ItemValue(schema, key), strategy, field?.PatchMergeKey ?? "", isDeleteList);
                    break;
                default:
                    original[key] = patchValue.DeepClone();
                    break;
            }
        }
        return original;
    }

    private static JsonObject MapDirective(JsonNode? directive, JsonObject patch, ModelValue? schema)
    {
        switch (Text(directive))
        {
            case "replace":
                // The map is taken as the patch gives it, with nothing merged from the original.
                patch.Remove(DirectiveMarker);
                return MergeMap([], patch, schema);
            case "delete":
                return [];
            default:
                throw PatchException.BadRequest($"unknown patch type: {JsonValues.GoValue(directive)} in map: {JsonValues.GoValue(patch)}");
        }
    }

    /// <summary><c>$retainKeys</c>: the original keeps only the keys listed, and the patch may set no others.</summary>
    private static void ApplyRetainKeys(JsonObject original, JsonObject patch)
    {
        if (!patch.TryGetPropertyValue(RetainKeysDirective, out var retain))
            return;
        patch.Remove(RetainKeysDirective);
        if (retain is not JsonArray retainList)
            throw PatchException.BadRequest("invalid patch format of retainKeys");
        var kept = retainList.Select(JsonValues.ScalarKey).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, value) in patch)
        {
            if (value is null || key.StartsWith(DeleteFromPrimitiveListPrefix, StringComparison.Ordinal) || key.StartsWith(SetElementOrderPrefix, StringComparison.Ordinal))
                continue;
            if (!kept.Contains(StringKey(key)))
                throw PatchException.BadRequest("invalid patch format of retainKeys");
        }
        foreach (var key in original.Select(p => p.Key).ToList())
        {
            if (!kept.Contains(StringKey(key)))
                original.Remove(key);
        }
    }

    /// <summary>
    /// <c>$setElementOrder/&lt;list&gt;</c>: merges the list with its patch (if any) and orders the result: the order
    /// list first, then the patch, then the live list. The list's patch is consumed here.
    /// </summary>
    private static void MergeOrderedLists(JsonObject original, JsonObject patch, ModelValue? schema)
    {
        foreach (var (directiveKey, orderValue) in patch.ToList())
        {
            if (!directiveKey.StartsWith(SetElementOrderPrefix, StringComparison.Ordinal))
                continue;
            patch.Remove(directiveKey);
            var order = orderValue as JsonArray ?? throw BadArgType("[]interface {}", orderValue);
            var key = ExtractKey(directiveKey, SetElementOrderPrefix);
            var originalList = ListOrNull(original[key]);
            var patchList = ListOrNull(patch[key]);
            // The live order and element shape, read before merging consumes the live list.
            List<JsonNode?> liveOrder = originalList is null ? [] : [.. originalList.Select(item => item?.DeepClone())];
            var isMap = ElementShape(originalList, patchList) == JsonValueKind.Object;
            var field = Field(schema, key);
            var mergeKey = field?.PatchMergeKey ?? "";
            ValidateOrder(patchList, order, mergeKey);

            JsonArray merged;
            if (originalList is not null && patchList is not null)
                merged = MergeList((JsonArray)Detach(original, key)!, patchList, ItemValue(schema, key), MergeStrategy(field), mergeKey, isDeleteList: false);
            else if (originalList is not null)
                merged = (JsonArray)Detach(original, key)!;
            else if (patchList is not null)
                merged = CleanList(patchList, ItemValue(schema, key));
            else
                continue;
            patch.Remove(key);

            var (patchItems, serverOnly) = Partition(Items(merged), [.. order], mergeKey, isMap);
            original[key] = new JsonArray([.. NormalizeOrder(patchItems, serverOnly, [.. order], liveOrder, mergeKey, isMap)]);
        }
    }

    private static JsonArray MergeList(JsonArray original, JsonArray patch, ModelValue? itemSchema, string strategy, string mergeKey, bool isDeleteList)
    {
        // Delete lists apply whatever the field's strategy is.
        if (strategy != "merge" && !isDeleteList)
            return CleanList(patch, itemSchema);
        if (original.Count == 0 && patch.Count == 0)
            return original;
        var kind = ElementShape(original, patch);
        var originalItems = Items(original);
        var patchItems = patch.Select(item => item?.DeepClone()).ToList();
        List<JsonNode?> merged;
        if (kind != JsonValueKind.Object)
        {
            if (isDeleteList)
            {
                var deleted = patchItems.Select(JsonValues.ScalarKey).ToHashSet(StringComparer.Ordinal);
                return new JsonArray([.. originalItems.Where(item => !deleted.Contains(JsonValues.ScalarKey(item)))]);
            }
            // A merged list of primitives is a set.
            var seen = new HashSet<string>(StringComparer.Ordinal);
            merged = [.. originalItems.Concat(patchItems).Where(item => seen.Add(JsonValues.ScalarKey(item)))];
            mergeKey = "";
        }
        else
        {
            if (mergeKey.Length == 0)
                throw PatchException.BadRequest("cannot merge lists without merge key for struct");
            (originalItems, patchItems) = SpecialElements(originalItems, patchItems, mergeKey, itemSchema);
            merged = MergeByKey(originalItems, patchItems, mergeKey, itemSchema);
        }
        var isMap = kind == JsonValueKind.Object;
        var (inPatch, serverOnly) = Partition(merged, patchItems, mergeKey, isMap);
        return new JsonArray([.. NormalizeOrder(inPatch, serverOnly, patchItems, originalItems, mergeKey, isMap)]);
    }

    /// <summary>
    /// The <c>$patch</c> elements of a merged list: <c>delete</c> removes the elements with that key,
    /// <c>replace</c> makes the rest of the patch the whole list.
    /// </summary>
    private static (List<JsonNode?> Original, List<JsonNode?> Patch) SpecialElements(List<JsonNode?> original, List<JsonNode?> patch, string mergeKey, ModelValue? itemSchema)
    {
        var rest = new List<JsonNode?>();
        var replace = false;
        foreach (var item in patch)
        {
            var element = (JsonObject)item!;
            if (!element.TryGetPropertyValue(DirectiveMarker, out var directive))
            {
                rest.Add(item);
                continue;
            }
            switch (Text(directive))
            {
                case "delete":
                    if (!element.TryGetPropertyValue(mergeKey, out var keyValue))
                        throw NoMergeKey(element, mergeKey);
                    original = [.. original.Where(o => !(o is JsonObject obj && obj.TryGetPropertyValue(mergeKey, out var v) && JsonValues.ScalarEquals(v, keyValue)))];
                    break;
                case "replace":
                    // Every other $patch element of the list is still looked at (and a bad one refused).
                    replace = true;
                    break;
                case "merge":
                    throw PatchException.BadRequest("merging lists cannot yet be specified in the patch");
                default:
                    throw PatchException.BadRequest($"unknown patch type: {JsonValues.GoValue(directive)} in map: {JsonValues.GoValue(element)}");
            }
        }
        return replace
            ? ([.. rest.Select(item => Clean(item, itemSchema))], [])
            : (original, rest);
    }

    private static List<JsonNode?> MergeByKey(List<JsonNode?> original, List<JsonNode?> patch, string mergeKey, ModelValue? itemSchema)
    {
        var merged = new List<JsonNode?>(original);
        foreach (var item in patch)
        {
            var element = (JsonObject)item!;
            if (!element.TryGetPropertyValue(mergeKey, out var keyValue))
                throw NoMergeKey(element, mergeKey);
            var index = -1;
            for (var i = 0; i < merged.Count && index < 0; i++)
            {
                if (merged[i] is not JsonObject candidate)
                    throw PatchException.BadRequest($"value for key {i} is not a map");
                if (candidate.TryGetPropertyValue(mergeKey, out var candidateKey) && JsonValues.ScalarEquals(candidateKey, keyValue))
                    index = i;
            }
            if (index >= 0)
                merged[index] = MergeMap((JsonObject)merged[index]!, (JsonObject)element.DeepClone(), itemSchema);
            else if (Clean(element, itemSchema) is { } added)
                merged.Add(added);
        }
        return merged;
    }

    /// <summary>Splits <paramref name="items"/> into those present in <paramref name="present"/> and the rest.</summary>
    private static (List<JsonNode?> Present, List<JsonNode?> Others) Partition(List<JsonNode?> items, List<JsonNode?> present, string mergeKey, bool isMap)
    {
        var inside = new List<JsonNode?>();
        var outside = new List<JsonNode?>();
        foreach (var item in items)
        {
            if (isMap && mergeKey.Length > 0)
            {
                var element = item as JsonObject ?? throw BadArgType("map[string]interface {}", item);
                if (!element.TryGetPropertyValue(mergeKey, out _))
                    throw NoMergeKey(element, mergeKey);
            }
            (IndexOf(present, item, mergeKey, isMap) >= 0 ? inside : outside).Add(item);
        }
        return (inside, outside);
    }

    /// <summary>
    /// Orders the patch items by the patch order and the server-only items by the live order, then interleaves the
    /// two keeping each one's relative order, placing a server-only item before a patch item it preceded live.
    /// </summary>
    private static List<JsonNode?> NormalizeOrder(List<JsonNode?> patchItems, List<JsonNode?> serverOnly, List<JsonNode?> patchOrder, List<JsonNode?> serverOrder, string mergeKey, bool isMap)
    {
        var right = SortBy(patchItems, patchOrder, mergeKey, isMap);
        var left = SortBy(serverOnly, serverOrder, mergeKey, isMap);
        var result = new List<JsonNode?>(left.Count + right.Count);
        int i = 0, j = 0;
        while (i < left.Count || j < right.Count)
        {
            if (i >= left.Count)
            {
                result.Add(right[j++]);
                continue;
            }
            if (j >= right.Count)
            {
                result.Add(left[i++]);
                continue;
            }
            var li = IndexOf(serverOrder, left[i], mergeKey, isMap);
            var ri = IndexOf(serverOrder, right[j], mergeKey, isMap);
            result.Add(li >= 0 && ri >= 0 && li < ri ? left[i++] : right[j++]);
        }
        return result;
    }

    private static List<JsonNode?> SortBy(List<JsonNode?> items, List<JsonNode?> order, string mergeKey, bool isMap)
    {
        var toDelete = new List<JsonNode?>();
        if (isMap && mergeKey.Length > 0)
        {
            foreach (var item in items.Concat(order))
            {
                var element = item as JsonObject ?? throw BadArgType("map[string]interface {}", item);
                if (!element.TryGetPropertyValue(mergeKey, out _))
                    throw NoMergeKey(element, mergeKey);
            }
            toDelete = [.. items.Where(IsDeleteDirective)];
            items = [.. items.Where(item => !IsDeleteDirective(item))];
        }
        return [.. items.OrderBy(item => IndexOf(order, item, mergeKey, isMap) is var index and >= 0 ? index : int.MaxValue), .. toDelete];
    }

    private static int IndexOf(List<JsonNode?> list, JsonNode? item, string mergeKey, bool isMap)
    {
        for (var i = 0; i < list.Count; i++)
        {
            var equal = isMap && mergeKey.Length > 0
                ? JsonValues.ScalarEquals((item as JsonObject)?[mergeKey], (list[i] as JsonObject)?[mergeKey])
                : JsonValues.DeepEquals(item, list[i]);
            if (equal)
                return i;
        }
        return -1;
    }

    /// <summary>
    /// Checks that the items of the patch list appear in the order list in the same relative order (deleted items
    /// and other directives aside).
    /// </summary>
    private static void ValidateOrder(JsonArray? patchList, JsonArray order, string mergeKey)
    {
        if (patchList is null || patchList.Count == 0 || order.Count == 0)
            return;
        var items = mergeKey.Length > 0
            ? [.. patchList.Select(item => item as JsonObject ?? throw BadArgType("map[string]interface {}", item)).Where(item => !IsDeleteDirective(item)).Cast<JsonNode?>()]
            : patchList.ToList();
        int p = 0, s = 0;
        while (p < items.Count && s < order.Count)
        {
            if (items[p] is JsonObject element && element.ContainsKey(DirectiveMarker))
            {
                p++;
                continue;
            }
            if (MergeKeyValueEqual(items[p], order[s], mergeKey))
                p++;
            s++;
        }
        if (p < items.Count && s >= order.Count)
            throw PatchException.BadRequest($"The order in patch list:\n{JsonValues.GoValue(patchList)}\n doesn't match {SetElementOrderPrefix} list:\n{JsonValues.GoValue(order)}\n");
    }

    private static bool MergeKeyValueEqual(JsonNode? left, JsonNode? right, string mergeKey)
    {
        if (mergeKey.Length == 0)
            return JsonValues.DeepEquals(left, right);
        var l = left as JsonObject ?? throw BadArgType("map[string]interface {}", left);
        var r = right as JsonObject ?? throw BadArgType("map[string]interface {}", right);
        if (!l.TryGetPropertyValue(mergeKey, out var lv))
            throw NoMergeKey(l, mergeKey);
        if (!r.TryGetPropertyValue(mergeKey, out var rv))
            throw NoMergeKey(r, mergeKey);
        return JsonValues.ScalarEquals(lv, rv);
    }

    /// <summary>
    /// A patch value taken as it is (no original to merge with): nulls dropped, directives applied; null when the
    /// value is itself a <c>$patch</c> directive and so is not kept.
    /// </summary>
    private static JsonNode? Clean(JsonNode? value, ModelValue? schema) => value switch
    {
        JsonObject obj => obj.ContainsKey(DirectiveMarker) ? null : MergeMap([], (JsonObject)obj.DeepClone(), schema),
        JsonArray array => CleanList(array, schema?.Item),
        _ => value?.DeepClone(),
    };

    private static JsonArray CleanList(JsonArray array, ModelValue? itemSchema)
    {
        var cleaned = new JsonArray();
        foreach (var item in array)
        {
            if (item is JsonObject element && element.ContainsKey(DirectiveMarker))
                continue;
            cleaned.Add(Clean(item, itemSchema));
        }
        return cleaned;
    }

    private static bool IsDeleteDirective(JsonNode? item) =>
        item is JsonObject element && element.TryGetPropertyValue(DirectiveMarker, out var directive) && Text(directive) == "delete";

    /// <summary>The list's element shape; a list of lists is refused, as are lists mixing shapes.</summary>
    private static JsonValueKind? ElementShape(params JsonArray?[] lists)
    {
        JsonValueKind? shape = null;
        foreach (var item in lists.Where(l => l is not null).SelectMany(l => l!))
        {
            var current = ShapeOf(item);
            if (shape is null)
            {
                if (current == JsonValueKind.Array)
                    throw PatchException.Failed("lists of lists are not supported");
                shape = current;
            }
            else if (shape != current)
            {
                throw PatchException.BadRequest($"list element types are not identical: [{string.Join(" ", lists.Select(JsonValues.GoValue))}]");
            }
        }
        return shape;
    }

    private static JsonValueKind ShapeOf(JsonNode? node) => JsonValues.Kind(node) switch
    {
        JsonValueKind.True or JsonValueKind.False => JsonValueKind.True,
        var kind => kind,
    };

    private static ModelField? Field(ModelValue? schema, string key) => schema?.Fields?.Find(key);

    /// <summary>The schema of the value under <paramref name="key"/>: a field of an object, or the values of a map.</summary>
    private static ModelValue? FieldValue(ModelValue? schema, string key) =>
        schema?.Shape == ModelShape.Map ? schema.Item : Field(schema, key)?.Value;

    private static ModelValue? ItemValue(ModelValue? schema, string key) => FieldValue(schema, key)?.Item;

    /// <summary>The field's strategy besides retainKeys (which only matters to whoever builds patches).</summary>
    private static string MergeStrategy(ModelField? field)
    {
        var strategies = field?.PatchStrategies ?? [];
        var others = strategies.Where(s => s != "retainKeys").ToList();
        if (strategies.Count > 2 || others.Count > 1)
            throw PatchException.BadRequest($"unexpected patch strategy: [{string.Join(" ", strategies)}]");
        return others.SingleOrDefault() ?? "";
    }

    /// <summary>The list name after a directive prefix: <c>$setElementOrder/containers</c> → <c>containers</c>.</summary>
    private static string ExtractKey(string key, string prefix)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || key[..slash] != prefix)
        {
            throw PatchException.BadRequest(prefix == SetElementOrderPrefix
                ? "invalid patch format of setElementOrder list"
                : "invalid patch format of primitive list");
        }
        return key[(slash + 1)..];
    }

    private static JsonArray? ListOrNull(JsonNode? node) => node switch
    {
        null => null,
        JsonArray array => array,
        _ => throw BadArgType("[]interface {}", node),
    };

    /// <summary>Removes the value under <paramref name="key"/> from its object and returns it, free to be re-parented.</summary>
    private static JsonNode? Detach(JsonObject obj, string key)
    {
        if (!obj.TryGetPropertyValue(key, out var value))
            return null;
        obj.Remove(key);
        return value;
    }

    /// <summary>The items of an owned array, detached from it.</summary>
    private static List<JsonNode?> Items(JsonArray array)
    {
        var items = array.ToList();
        array.Clear();
        return items;
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : JsonValues.GoValue(node);

    private static string StringKey(string key) => JsonValues.ScalarKey(JsonValue.Create(key));

    private static PatchException BadArgType(string expected, JsonNode? actual) =>
        PatchException.BadRequest($"expected a {expected}, but received a {JsonValues.GoTypeName(actual)}");

    private static PatchException NoMergeKey(JsonObject element, string mergeKey) =>
        PatchException.BadRequest($"map: {JsonValues.GoValue(element)} does not contain declared merge key: {mergeKey}");
}
