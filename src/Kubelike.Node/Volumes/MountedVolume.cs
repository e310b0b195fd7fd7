namespace Kubelike.Node.Volumes;

/// <summary>A volume set up on the node: the host path containers bind, and whether it is always mounted read-only.</summary>
public sealed record MountedVolume(string HostPath, bool ReadOnly);
