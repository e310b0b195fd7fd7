namespace Kubelike.Api.Schema;

/// <summary>
/// The API marks the field required. The property stays nullable, so that a missing value is reported by
/// validation (422 Invalid) rather than by the JSON deserializer.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class RequiredAttribute : Attribute
{
}
