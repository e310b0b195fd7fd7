namespace Kubelike.Api.Schema;

/// <summary>
/// The field number of the property in the upstream protobuf message (<c>application/vnd.kubernetes.protobuf</c>).
/// Maps are repeated entries {1 key, 2 value}; <c>Time</c> is {1 seconds, 2 nanos}; <c>IntOrString</c> is
/// {1 type, 2 intVal, 3 strVal}; <c>Quantity</c> is {1 string}; a <c>JsonNode</c> property (RawExtension, FieldsV1)
/// is a message whose field 1 holds the raw bytes.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class ProtoFieldAttribute : Attribute
{
    public ProtoFieldAttribute(int number)
    {
        Number = number;
    }

    public int Number { get; }
}
