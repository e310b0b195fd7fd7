namespace Kubelike.Api.Schema;

/// <summary>
/// In protobuf the list (or each map value) is wrapped in a message whose field 1 holds the repeated items
/// (upstream <c>+protobuf.nullable=true</c> slice types such as <c>Verbs</c> and <c>ExtraValue</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class ProtoWrappedListAttribute : Attribute
{
}
