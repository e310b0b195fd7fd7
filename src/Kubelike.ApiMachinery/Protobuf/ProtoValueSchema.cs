namespace Kubelike.ApiMachinery.Protobuf;

/// <summary>One value's decoding: its kind and, for a message, the model type.</summary>
internal sealed record ProtoValueSchema(ProtoValueKind Kind, Type? MessageType)
{
    /// <summary>Scalars that a repeated field may send packed in one length-delimited run.</summary>
    public bool IsPackable => Kind is ProtoValueKind.Bool or ProtoValueKind.Int32 or ProtoValueKind.Int64 or ProtoValueKind.Double;
}
