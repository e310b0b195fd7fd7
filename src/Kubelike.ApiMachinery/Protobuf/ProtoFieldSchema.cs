namespace Kubelike.ApiMachinery.Protobuf;

/// <summary>
/// One protobuf field of a model type: its JSON name, shape and value. <paramref name="Wrapped"/> is
/// <c>[ProtoWrappedList]</c>: the list (or each map value's list) is a message whose field 1 repeats the items.
/// </summary>
internal sealed record ProtoFieldSchema(string JsonName, ProtoFieldShape Shape, ProtoValueSchema Value, bool Wrapped);
