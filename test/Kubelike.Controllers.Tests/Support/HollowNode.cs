using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Api.Primitives;
using Kubelike.Client.Informers;
using Kubelike.Client.Rest;

namespace Kubelike.Controllers.Tests.Support;

using Node = Kubelike.Api.Core.V1.Node;

/// <summary>
/// A stand-in for a node agent in control-plane tests: a Node marked Ready, and a loop that reports every pod of
/// one namespace Running and Ready through the status subresource, as a kubelet would once its containers run.
/// (There is no scheduler yet, so it takes the pods of its namespace rather than the pods bound to it.)
/// </summary>
public sealed class HollowNode : IAsyncDisposable
{
    private readonly KubernetesClient _client;
    private readonly SharedInformer<Pod> _pods;

    private HollowNode(KubernetesClient client, string ns)
    {
        _client = client;
        _pods = new SharedInformer<Pod>(client.Resource<Pod>(), new InformerOptions { Namespace = ns });
        _pods.AddEventHandler(new ResourceEventHandler<Pod>
        {
            Added = (pod, _) => MarkReadySoon(pod),
            Updated = (_, pod) => MarkReadySoon(pod),
        });
    }

    public static async Task<HollowNode> StartAsync(KubernetesClient client, string ns)
    {
        var nodes = client.Resource<Node>();
        var node = await nodes.CreateAsync(new Node { Metadata = new ObjectMeta { Name = "hollow-" + ns } });
        node.Status = new NodeStatus
        {
            Conditions = [new NodeCondition { Type = "Ready", Status = "True", Reason = "KubeletReady", LastTransitionTime = DateTimeOffset.UtcNow }],
            Allocatable = new Dictionary<string, Quantity> { ["cpu"] = Quantity.Parse("4"), ["memory"] = Quantity.Parse("8Gi"), ["pods"] = Quantity.Parse("110") },
        };
        await nodes.UpdateStatusAsync(node);
        var hollow = new HollowNode(client, ns);
        hollow._pods.Start();
        await hollow._pods.WaitForCacheSyncAsync();
        return hollow;
    }

    /// <summary>Not awaited: the informer's handlers must not block; failures are retried by the next event.</summary>
    private void MarkReadySoon(Pod pod) => _ = MarkReadyAsync(pod);

    private async Task MarkReadyAsync(Pod pod)
    {
        if (pod.Metadata?.DeletionTimestamp is not null || pod.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true)
            return;
        var now = DateTimeOffset.UtcNow;
        var updated = Api.KubernetesJson.Deserialize<Pod>(Api.KubernetesJson.Serialize(pod))!;
        updated.Status = new PodStatus
        {
            Phase = "Running",
            StartTime = now,
            Conditions =
            [
                new PodCondition { Type = "Initialized", Status = "True", LastTransitionTime = now },
                new PodCondition { Type = "ContainersReady", Status = "True", LastTransitionTime = now },
                new PodCondition { Type = "Ready", Status = "True", LastTransitionTime = now },
            ],
        };
        try
        {
            await _client.Resource<Pod>().UpdateStatusAsync(updated);
        }
        catch (KubernetesApiException)
        {
            // Changed or deleted meanwhile: the next event for it tries again.
        }
    }

    public ValueTask DisposeAsync() => _pods.DisposeAsync();
}
