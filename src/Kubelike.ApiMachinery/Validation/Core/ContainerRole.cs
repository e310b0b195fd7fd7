namespace Kubelike.ApiMachinery.Validation.Core;

/// <summary>Where a container sits in a pod: the rules for probes, lifecycle and restartPolicy differ.</summary>
public enum ContainerRole
{
    Regular,
    Init,
}
