namespace Kubelike.Compatibility.Tests.Harness;

/// <summary>The kubectl binaries hack/install-clients.sh installs.</summary>
public enum KubectlVersion
{
    V1_32,
    V1_35,
}
