namespace Kubelike.ApiMachinery.Schema;

/// <summary>What a model type is in JSON.</summary>
public enum ModelShape
{
    /// <summary>A string, number, boolean, time, quantity or int-or-string.</summary>
    Scalar,

    /// <summary>A model class: a JSON object with known fields (upstream: a struct).</summary>
    Struct,

    /// <summary>A JSON array (<c>IList&lt;T&gt;</c>).</summary>
    List,

    /// <summary>A JSON object with free keys (<c>IDictionary&lt;string, T&gt;</c>).</summary>
    Map,

    /// <summary>Opaque JSON (<c>JsonNode</c>: RawExtension, FieldsV1): no schema below it.</summary>
    Raw,
}
