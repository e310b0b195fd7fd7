namespace Kubelike.Node.Pods;

/// <summary>A container cannot be configured (a missing ConfigMap, Secret or key): its waiting reason is CreateContainerConfigError.</summary>
public sealed class ContainerConfigException(string message) : Exception(message);
