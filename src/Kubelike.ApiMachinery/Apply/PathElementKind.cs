namespace Kubelike.ApiMachinery.Apply;

/// <summary>What a <see cref="PathElement"/> selects; the declaration order is the order elements sort in.</summary>
public enum PathElementKind
{
    /// <summary>A field of an object or a key of a map: <c>f:name</c>.</summary>
    Field,

    /// <summary>An item of a map list, by its key fields: <c>k:{"name":"c"}</c>.</summary>
    Key,

    /// <summary>An item of a set list, by its value: <c>v:"a"</c>.</summary>
    Value,

    /// <summary>An item of a list by position: <c>i:0</c>.</summary>
    Index,
}
