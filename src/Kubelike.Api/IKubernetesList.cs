using Kubelike.Api.Meta.V1;

namespace Kubelike.Api;

/// <summary>A list kind: type metadata, <c>metadata</c> (<see cref="ListMeta"/>) and <c>items</c>.</summary>
/// <typeparam name="T">The item kind.</typeparam>
public interface IKubernetesList<T> : ITypeMeta
    where T : IKubernetesObject
{
    ListMeta? Metadata { get; set; }

    IList<T>? Items { get; set; }
}
