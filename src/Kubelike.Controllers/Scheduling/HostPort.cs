using Kubelike.Api.Core.V1;

namespace Kubelike.Controllers.Scheduling;

/// <summary>A host port a pod takes on its node: two conflict when protocol and port match and either binds every address.</summary>
public readonly record struct HostPort(string Ip, string Protocol, int Port)
{
    private const string AnyAddress = "0.0.0.0";

    public static HostPort Of(ContainerPort port)
    {
        ArgumentNullException.ThrowIfNull(port);
        return new(string.IsNullOrEmpty(port.HostIP) ? AnyAddress : port.HostIP, string.IsNullOrEmpty(port.Protocol) ? "TCP" : port.Protocol, port.HostPort ?? 0);
    }

    public bool ConflictsWith(HostPort other) =>
        Port == other.Port && Protocol == other.Protocol && (Ip == other.Ip || Ip == AnyAddress || other.Ip == AnyAddress);
}
