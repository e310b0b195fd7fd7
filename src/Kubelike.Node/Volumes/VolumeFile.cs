namespace Kubelike.Node.Volumes;

/// <summary>One file of a ConfigMap, Secret, downward API or projected volume: its path inside the volume, content and mode.</summary>
public sealed record VolumeFile(string Path, byte[] Content, int Mode);
