namespace Kubelike.ApiMachinery.Apply;

/// <summary><c>x-kubernetes-list-type</c>.</summary>
public enum ListKind
{
    /// <summary>Replaced whole, owned as one field.</summary>
    Atomic,

    /// <summary>Scalar items owned one by one by value.</summary>
    Set,

    /// <summary>Object items owned one by one by their key fields.</summary>
    Map,
}
