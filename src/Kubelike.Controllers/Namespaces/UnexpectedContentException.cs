namespace Kubelike.Controllers.Namespaces;

/// <summary>Objects that were deleted are still listed, and no grace period or finalizer explains it.</summary>
internal sealed class UnexpectedContentException(string message) : Exception(message);
