namespace Kubelike.ApiMachinery.Protobuf;

/// <summary>Whether a field holds one value, a repeated value (JSON array) or map entries (JSON object).</summary>
internal enum ProtoFieldShape
{
    Single,
    List,
    Map,
}
