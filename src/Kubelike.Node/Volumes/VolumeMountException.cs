namespace Kubelike.Node.Volumes;

/// <summary>A volume cannot be set up (a missing ConfigMap, Secret, key or claim): a FailedMount event, the pod waits.</summary>
public sealed class VolumeMountException(string message) : Exception(message);
