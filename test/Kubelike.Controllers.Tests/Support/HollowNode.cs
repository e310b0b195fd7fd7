using Kubelike.Client.Rest;
using Kubelike.Node.Hollow;

namespace Kubelike.Controllers.Tests.Support;

/// <summary>
/// Starts a hollow node (<see cref="Kubelike.Node.Hollow.HollowNode"/>) for one test: a Ready node named after the
/// test's namespace that the scheduler binds pods to and that plays them out (Running and Ready; completing pods end).
/// Its Node is deleted when the test disposes it, so later tests' pods are not bound to a node nobody runs.
/// </summary>
public static class HollowNode
{
    public static Task<Kubelike.Node.Hollow.HollowNode> StartAsync(KubernetesClient client, string ns) =>
        Kubelike.Node.Hollow.HollowNode.StartAsync(client, new HollowNodeOptions { NodeName = "hollow-" + ns, DeleteNodeOnStop = true });

    public static Task<Kubelike.Node.Hollow.HollowNode> StartAsync(KubernetesClient client, HollowNodeOptions options) =>
        Kubelike.Node.Hollow.HollowNode.StartAsync(client, options with { DeleteNodeOnStop = true });
}
