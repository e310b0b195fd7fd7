using System.Text.Json.Nodes;

namespace Kubelike.ApiMachinery.Apply;

/// <summary>
/// A set of field paths as structured-merge-diff keeps it: at each level the elements that are members themselves,
/// and the children with paths below them. Its JSON form is FieldsV1 (<c>{"f:spec":{"f:replicas":{}}}</c>, with
/// <c>"."</c> marking an element that is a member and has children). Sets are not changed by the set algebra;
/// <see cref="Insert(IReadOnlyList{PathElement})"/> builds them.
/// </summary>
public sealed class FieldSet
{
    private readonly SortedSet<PathElement> _members = [];
    private readonly SortedDictionary<PathElement, FieldSet> _children = [];

    public IReadOnlyCollection<PathElement> Members => _members;

    public IReadOnlyDictionary<PathElement, FieldSet> Children => _children;

    public bool IsEmpty => _members.Count == 0 && _children.Values.All(child => child.IsEmpty);

    public FieldSet Insert(IReadOnlyList<PathElement> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Count == 0)
            return this;
        var set = this;
        for (var i = 0; i < path.Count - 1; i++)
            set = set.Descend(path[i]);
        set._members.Add(path[^1]);
        return this;
    }

    public FieldSet Insert(params PathElement[] path) => Insert((IReadOnlyList<PathElement>)path);

    public bool Has(IReadOnlyList<PathElement> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Count == 0)
            return false;
        var set = this;
        for (var i = 0; i < path.Count - 1; i++)
        {
            if (!set._children.TryGetValue(path[i], out set))
                return false;
        }
        return set._members.Contains(path[^1]);
    }

    public bool Has(params PathElement[] path) => Has((IReadOnlyList<PathElement>)path);

    /// <summary>The set below <paramref name="element"/>, or null when there is nothing below it.</summary>
    public FieldSet? Child(PathElement element) => _children.GetValueOrDefault(element);

    private FieldSet Descend(PathElement element)
    {
        if (!_children.TryGetValue(element, out var child))
        {
            child = new FieldSet();
            _children[element] = child;
        }
        return child;
    }

    public FieldSet Union(FieldSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var result = Clone();
        result.UnionWith(other);
        return result;
    }

    private void UnionWith(FieldSet other)
    {
        _members.UnionWith(other._members);
        foreach (var (element, child) in other._children)
            Descend(element).UnionWith(child);
    }

    /// <summary>The paths of this set that are not in <paramref name="other"/> (children of removed members stay).</summary>
    public FieldSet Difference(FieldSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var result = new FieldSet();
        result._members.UnionWith(_members.Where(m => !other._members.Contains(m)));
        foreach (var (element, child) in _children)
        {
            var rest = other._children.TryGetValue(element, out var otherChild) ? child.Difference(otherChild) : child.Clone();
            if (!rest.IsEmpty)
                result._children[element] = rest;
        }
        return result;
    }

    /// <summary>The paths of this set that are not in <paramref name="other"/> nor below one of its members.</summary>
    public FieldSet RecursiveDifference(FieldSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var result = new FieldSet();
        result._members.UnionWith(_members.Where(m => !other._members.Contains(m)));
        foreach (var (element, child) in _children)
        {
            if (other._members.Contains(element))
                continue;
            var rest = other._children.TryGetValue(element, out var otherChild) ? child.RecursiveDifference(otherChild) : child.Clone();
            if (!rest.IsEmpty)
                result._children[element] = rest;
        }
        return result;
    }

    public FieldSet Intersection(FieldSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var result = new FieldSet();
        result._members.UnionWith(_members.Where(other._members.Contains));
        foreach (var (element, child) in _children)
        {
            if (!other._children.TryGetValue(element, out var otherChild))
                continue;
            var both = child.Intersection(otherChild);
            if (!both.IsEmpty)
                result._children[element] = both;
        }
        return result;
    }

    /// <summary>Only the members with nothing below them.</summary>
    public FieldSet Leaves()
    {
        var result = new FieldSet();
        result._members.UnionWith(_members.Where(m => !_children.TryGetValue(m, out var child) || child.IsEmpty));
        foreach (var (element, child) in _children)
        {
            var leaves = child.Leaves();
            if (!leaves.IsEmpty)
                result._children[element] = leaves;
        }
        return result;
    }

    /// <summary>Every member path: the members of a level first, then the children, in element order.</summary>
    public IEnumerable<IReadOnlyList<PathElement>> Paths() => PathsUnder([]);

    private IEnumerable<IReadOnlyList<PathElement>> PathsUnder(List<PathElement> prefix)
    {
        foreach (var member in _members)
            yield return [.. prefix, member];
        foreach (var (element, child) in _children)
        {
            foreach (var path in child.PathsUnder([.. prefix, element]))
                yield return path;
        }
    }

    public FieldSet Clone()
    {
        var result = new FieldSet();
        result._members.UnionWith(_members);
        foreach (var (element, child) in _children)
            result._children[element] = child.Clone();
        return result;
    }

    public bool SetEquals(FieldSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Difference(other).IsEmpty && other.Difference(this).IsEmpty;
    }

    /// <summary>The FieldsV1 form, elements in order and <c>"."</c> after the children of a member, as upstream writes it.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject();
        foreach (var element in _members.Union(_children.Where(c => !c.Value.IsEmpty).Select(c => c.Key)).Order())
        {
            if (_children.TryGetValue(element, out var child) && !child.IsEmpty)
            {
                var nested = child.ToJson();
                if (_members.Contains(element))
                    nested["."] = new JsonObject();
                json[element.Serialize()] = nested;
            }
            else
            {
                json[element.Serialize()] = new JsonObject();
            }
        }
        return json;
    }

    /// <summary>Reads FieldsV1; malformed input throws <see cref="FormatException"/>.</summary>
    public static FieldSet FromJson(JsonNode? json)
    {
        if (json is null)
            return new FieldSet();
        if (json is not JsonObject obj)
            throw new FormatException("FieldsV1 must be a JSON object");
        return Read(obj).Set ?? new FieldSet();
    }

    private static (FieldSet? Set, bool IsMember) Read(JsonObject obj)
    {
        FieldSet? set = null;
        var isMember = false;
        foreach (var (key, value) in obj)
        {
            if (key == ".")
            {
                isMember = true;
                continue;
            }
            var element = PathElement.Parse(key);
            if (element is null)
                continue;
            if (value is not JsonObject child)
                throw new FormatException($"the value of {key} must be a JSON object");
            var (grandchildren, childIsMember) = Read(child);
            set ??= new FieldSet();
            if (childIsMember)
                set._members.Add(element);
            if (grandchildren is not null)
                set.Descend(element).UnionWith(grandchildren);
        }
        return (set, set is null || isMember);
    }

    public override string ToString() => ToJson().ToJsonString(Readable);

    private static readonly System.Text.Json.JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
