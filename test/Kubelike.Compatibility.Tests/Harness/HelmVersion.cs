namespace Kubelike.Compatibility.Tests.Harness;

/// <summary>The helm binaries hack/install-clients.sh installs: v3.17 (with kubectl 1.32's layer) and v4.</summary>
public enum HelmVersion
{
    V3,
    V4,
}
