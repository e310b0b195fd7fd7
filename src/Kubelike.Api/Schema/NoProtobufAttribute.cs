namespace Kubelike.Api.Schema;

/// <summary>The type has no protobuf form upstream (<c>+protobuf=false</c>, e.g. the Table types).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class NoProtobufAttribute : Attribute
{
}
