namespace Kubelike.Api.Schema;

/// <summary>
/// The type embeds its base type inline in JSON (Go <c>json:",inline"</c>), but in protobuf the base type's fields
/// are a nested message under field <see cref="Number"/> (e.g. <c>Volume</c> embeds <c>VolumeSource</c> as field 2).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ProtoEmbeddedBaseAttribute : Attribute
{
    public ProtoEmbeddedBaseAttribute(int number)
    {
        Number = number;
    }

    public int Number { get; }
}
