using Kubelike.Api.Core.V1;
using Kubelike.Client.Informers;

namespace Kubelike.Controllers.Runtime;

/// <summary>An index of the shared pod informer by <c>spec.nodeName</c>, for the controllers that act on a node's pods.</summary>
public static class PodsByNode
{
    public const string IndexName = "spec.nodeName";

    /// <summary>Adds the index unless another controller sharing the informer already did.</summary>
    public static void Ensure(SharedInformer<Pod> pods)
    {
        ArgumentNullException.ThrowIfNull(pods);
        try
        {
            pods.AddIndexer(IndexName, pod => string.IsNullOrEmpty(pod.Spec?.NodeName) ? [] : [pod.Spec.NodeName]);
        }
        catch (InvalidOperationException)
        {
            // Added by the other controller: the index is the same.
        }
    }

    public static IReadOnlyList<Pod> On(SharedInformer<Pod> pods, string nodeName) => pods.Cache.ByIndex(IndexName, nodeName);
}
