using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kubelike.ApiMachinery.Patching;

/// <summary>
/// JSON patch (RFC 6902, <c>application/json-patch+json</c>) as kube-apiserver applies it (evanphx/json-patch v4):
/// add, remove, replace, move, copy and test, JSON pointer escaping, <c>-</c> for the end of an array. Where v4 is
/// more lenient than the RFC, this follows v4, because clients were written against it: negative array indices count
/// from the end, and <c>replace</c> of a missing object member adds it. Failures carry v4's messages.
/// </summary>
public static class JsonPatch
{
    /// <summary>kube-apiserver's limit on the operations of one patch.</summary>
    public const int MaxOperations = 10000;

    /// <summary>Applies <paramref name="patch"/> (a JSON array of operations) to a copy of <paramref name="document"/>.</summary>
    /// <exception cref="PatchException">400 for a malformed patch, 413 past <see cref="MaxOperations"/>, 422 for a failed operation.</exception>
    public static JsonNode Apply(JsonNode document, JsonNode? patch)
    {
        ArgumentNullException.ThrowIfNull(document);
        var operations = Operations(patch);
        if (operations.Count > MaxOperations)
            throw PatchException.TooLarge($"The allowed maximum operations in a JSON patch is {MaxOperations}, got {operations.Count}");
        var root = new Root(document.DeepClone());
        foreach (var operation in operations)
        {
            var op = operation["op"] is JsonValue opValue && opValue.TryGetValue<string>(out var name) ? name : "unknown";
            switch (op)
            {
                case "add": Add(root, operation); break;
                case "remove": Remove(root, operation); break;
                case "replace": Replace(root, operation); break;
                case "move": Move(root, operation); break;
                case "copy": Copy(root, operation); break;
                case "test": Test(root, operation); break;
                default: throw PatchException.Failed($"Unexpected kind: {op}");
            }
        }
        return root.Document;
    }

    private static List<JsonObject> Operations(JsonNode? patch)
    {
        if (patch is not JsonArray array)
            throw PatchException.BadRequest($"json: cannot unmarshal {GoKind(patch)} into Go value of type jsonpatch.Patch");
        var operations = new List<JsonObject>(array.Count);
        foreach (var item in array)
        {
            operations.Add(item as JsonObject
                ?? throw PatchException.BadRequest($"json: cannot unmarshal {GoKind(item)} into Go value of type jsonpatch.Operation"));
        }
        return operations;
    }

    private static string GoKind(JsonNode? node) => JsonValues.Kind(node) switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "bool",
        _ => "null",
    };

    private static void Add(Root root, JsonObject operation)
    {
        var path = Path(operation, "path") ?? throw PatchException.Failed("add operation failed to decode path: missing value");
        var (container, key) = Parent(root, path) ?? throw PatchException.Failed($"add operation does not apply: doc is missing path: \"{path}\": missing value");
        if (Insert(container, key, operation["value"]?.DeepClone()) is { } error)
            throw PatchException.Failed($"error in add for path: '{path}': {error}");
    }

    private static void Remove(Root root, JsonObject operation)
    {
        var path = Path(operation, "path") ?? throw PatchException.Failed("remove operation failed to decode path: missing value");
        var (container, key) = Parent(root, path) ?? throw PatchException.Failed($"remove operation does not apply: doc is missing path: \"{path}\": missing value");
        if (Delete(container, key) is { } error)
            throw PatchException.Failed($"error in remove for path: '{path}': {error}");
    }

    private static void Replace(Root root, JsonObject operation)
    {
        var path = Path(operation, "path") ?? throw PatchException.Failed("replace operation failed to decode path: operation missing path field: missing value");
        var value = operation["value"]?.DeepClone();
        if (path.Length == 0)
        {
            root.Document = value is JsonObject or JsonArray ? value : throw PatchException.Failed("replace operation value must be object or array");
            return;
        }
        var (container, key) = Parent(root, path) ?? throw PatchException.Failed($"replace operation does not apply: doc is missing path: {path}: missing value");
        if (container is JsonObject obj)
        {
            // v4 does not require the member to exist: a replace of a missing one adds it.
            obj[key] = value;
            return;
        }
        var array = (JsonArray)container;
        if (Index(array, key, out var index) is not null)
            throw PatchException.Failed($"replace operation does not apply: doc is missing key: {path}: missing value");
        array[index] = value;
    }

    private static void Move(Root root, JsonObject operation)
    {
        var from = Path(operation, "from") ?? throw PatchException.Failed("move operation failed to decode from: operation, missing from field: missing value");
        var (source, sourceKey) = Parent(root, from) ?? throw PatchException.Failed($"move operation does not apply: doc is missing from path: {from}: missing value");
        var (value, getError) = Get(source, sourceKey);
        if (getError is not null)
            throw PatchException.Failed($"error in move for path: '{sourceKey}': {getError}");
        if (Delete(source, sourceKey) is { } removeError)
            throw PatchException.Failed($"error in move for path: '{sourceKey}': {removeError}");
        var path = Path(operation, "path") ?? throw PatchException.Failed("move operation failed to decode path: operation missing path field: missing value");
        var (target, key) = Parent(root, path) ?? throw PatchException.Failed($"move operation does not apply: doc is missing destination path: {path}: missing value");
        if (Insert(target, key, value) is { } error)
            throw PatchException.Failed($"error in move for path: '{path}': {error}");
    }

    private static void Copy(Root root, JsonObject operation)
    {
        var from = Path(operation, "from") ?? throw PatchException.Failed("copy operation failed to decode from: operation, missing from field: missing value");
        var (source, sourceKey) = Parent(root, from) ?? throw PatchException.Failed($"copy operation does not apply: doc is missing from path: {from}: missing value");
        var (value, getError) = Get(source, sourceKey);
        if (getError is not null)
            throw PatchException.Failed($"error in copy for from: '{from}': {getError}");
        var path = Path(operation, "path") ?? throw PatchException.Failed("copy operation failed to decode path: missing value");
        var (target, key) = Parent(root, path) ?? throw PatchException.Failed($"copy operation does not apply: doc is missing destination path: {path}: missing value");
        if (Insert(target, key, value?.DeepClone()) is { } error)
            throw PatchException.Failed($"error while adding value during copy: {error}");
    }

    private static void Test(Root root, JsonObject operation)
    {
        var path = Path(operation, "path") ?? throw PatchException.Failed("test operation failed to decode path: operation missing path field: missing value");
        var hasValue = operation.TryGetPropertyValue("value", out var expected);
        if (path.Length == 0)
        {
            if (!JsonValues.DeepEquals(root.Document, expected))
                throw PatchException.Failed($"testing value {path} failed: test failed");
            return;
        }
        var (container, key) = Parent(root, path) ?? throw PatchException.Failed($"test operation does not apply: is missing path: {path}: missing value");
        var (actual, error) = Get(container, key);
        if (error is not null)
            throw PatchException.Failed($"error in test for path: '{path}': {error}");
        // A missing member and a null one both pass a test for null (or for no value at all).
        var passed = actual is null ? !hasValue || expected is null : hasValue && JsonValues.DeepEquals(actual, expected);
        if (!passed)
            throw PatchException.Failed($"testing value {path} failed: test failed");
    }

    /// <summary>The string at <paramref name="field"/> of the operation, or null when it is missing.</summary>
    private static string? Path(JsonObject operation, string field)
    {
        if (operation[field] is not { } node)
            return null;
        return node is JsonValue value && value.TryGetValue<string>(out var text)
            ? text
            : throw PatchException.Failed($"json: cannot unmarshal {GoKind(node)} into Go value of type string");
    }

    /// <summary>
    /// The object or array holding the last token of <paramref name="path"/>, and that token unescaped; null when a
    /// step on the way is missing or not a container. As in v4, the text before the first slash is not looked at.
    /// </summary>
    private static (JsonNode Container, string Key)? Parent(Root root, string path)
    {
        var tokens = path.Split('/');
        if (tokens.Length < 2)
            return null;
        var container = root.Document;
        for (var i = 1; i < tokens.Length - 1; i++)
        {
            var (next, error) = Get(container, JsonPointer.Unescape(tokens[i]));
            if (error is not null || next is not (JsonObject or JsonArray))
                return null;
            container = next;
        }
        return (container, JsonPointer.Unescape(tokens[^1]));
    }

    private static (JsonNode? Value, string? Error) Get(JsonNode container, string key)
    {
        if (container is JsonObject obj)
            return (obj[key], null);
        var array = (JsonArray)container;
        return Index(array, key, out var index) is { } error ? (null, error) : (array[index], null);
    }

    private static string? Insert(JsonNode container, string key, JsonNode? value)
    {
        if (container is JsonObject obj)
        {
            obj[key] = value;
            return null;
        }
        var array = (JsonArray)container;
        if (key == "-")
        {
            array.Add(value);
            return null;
        }
        if (Atoi(key, out var index) is { } parseError)
            return $"value was not a proper array index: '{key}': {parseError}";
        // Inserting may target one past the end; negative indices count from that end.
        var size = array.Count + 1;
        if (index >= size || index < -size)
            return InvalidIndex(index);
        array.Insert(index < 0 ? index + size : index, value);
        return null;
    }

    private static string? Delete(JsonNode container, string key)
    {
        if (container is JsonObject obj)
            return obj.Remove(key) ? null : $"Unable to remove nonexistent key: {key}: missing value";
        var array = (JsonArray)container;
        if (Index(array, key, out var index) is { } error)
            return error;
        array.RemoveAt(index);
        return null;
    }

    /// <summary>The index of an existing element, negative indices counting from the end; or why there is none.</summary>
    private static string? Index(JsonArray array, string key, out int index)
    {
        if (Atoi(key, out index) is { } parseError)
            return parseError;
        if (index >= array.Count || index < -array.Count)
            return InvalidIndex(index);
        if (index < 0)
            index += array.Count;
        return null;
    }

    /// <summary>Go's <c>strconv.Atoi</c>: an optional sign and decimal digits.</summary>
    private static string? Atoi(string text, out int value)
    {
        value = 0;
        var digits = text.Length > 0 && text[0] is '+' or '-' ? text[1..] : text;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
            return $"strconv.Atoi: parsing {Errors.GoFormat.Quote(text)}: invalid syntax";
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)
            ? null
            : $"strconv.Atoi: parsing {Errors.GoFormat.Quote(text)}: value out of range";
    }

    private static string InvalidIndex(int index) => $"Unable to access invalid index: {index}: invalid index referenced";

    /// <summary>The document being patched; a replace of the whole document swaps it.</summary>
    private sealed class Root(JsonNode document)
    {
        public JsonNode Document { get; set; } = document;
    }
}
