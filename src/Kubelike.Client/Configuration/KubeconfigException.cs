namespace Kubelike.Client.Configuration;

/// <summary>A kubeconfig or in-cluster configuration that cannot be used, with what is wrong in it.</summary>
public sealed class KubeconfigException(string message, Exception? innerException = null) : Exception(message, innerException);
