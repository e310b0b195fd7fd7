namespace Kubelike.ApiMachinery.Protobuf;

/// <summary>The protobuf wire types; groups (3, 4) are not used by Kubernetes and are rejected.</summary>
internal enum WireType
{
    Varint = 0,
    Fixed64 = 1,
    LengthDelimited = 2,
    StartGroup = 3,
    EndGroup = 4,
    Fixed32 = 5,
}
