using Kubelike.Api.Meta.V1;

namespace Kubelike.Api;

/// <summary>A Kubernetes object: type metadata plus <c>metadata</c> (<see cref="ObjectMeta"/>).</summary>
public interface IKubernetesObject : ITypeMeta
{
    ObjectMeta? Metadata { get; set; }
}
