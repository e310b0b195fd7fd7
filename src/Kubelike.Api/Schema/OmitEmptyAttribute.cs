namespace Kubelike.Api.Schema;

/// <summary>
/// The field is a non-pointer Go scalar tagged <c>omitempty</c> upstream: its zero value (false, 0, "") is never
/// written, so an object decoded and encoded by kube-apiserver loses it. Kubelike's JSON does the same, which
/// matters most for protobuf bodies, where such fields always arrive, zero or not.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class OmitEmptyAttribute : Attribute;
