namespace Kubelike.ApiMachinery.Apply;

/// <summary>What a value is to server-side apply.</summary>
public enum ApplyKind
{
    /// <summary>A string, number, boolean, time, quantity or int-or-string: owned and replaced whole.</summary>
    Scalar,

    /// <summary>An object with declared fields.</summary>
    Struct,

    /// <summary>An object with free keys.</summary>
    Map,

    List,

    /// <summary>No schema (a kind without a model type, RawExtension): objects are granular maps, lists atomic.</summary>
    Deduced,
}
