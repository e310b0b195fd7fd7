namespace Kubelike.ApiMachinery.Protobuf;

/// <summary>How one protobuf value (a field, a list element or a map value) becomes JSON.</summary>
internal enum ProtoValueKind
{
    String,
    Bool,
    Int32,
    Int64,
    Double,
    Bytes,
    Time,
    MicroTime,
    Quantity,
    IntOrString,

    /// <summary>RawExtension and FieldsV1: a message whose field 1 holds JSON bytes.</summary>
    Raw,

    /// <summary>A nested model type, decoded with its own <see cref="ProtoMessageSchema"/>.</summary>
    Message,
}
