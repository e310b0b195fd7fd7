using Kubelike.Api.Coordination.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Api.Primitives;
using Kubelike.Client.Rest;
using Microsoft.Extensions.Logging;

namespace Kubelike.Node.Registration;

/// <summary>The node's heartbeat: a Lease named after the node in kube-node-lease, renewed every 10 s (40 s duration, as the kubelet).</summary>
public sealed class NodeLeaseRenewer(KubernetesClient client, string nodeName, TimeSpan renewInterval, ILogger logger)
{
    public const string LeaseNamespace = "kube-node-lease";
    public const int LeaseDurationSeconds = 40;

    private readonly ResourceClient<Lease> _leases = client.Resource<Lease>();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await RenewAsync(cancellationToken);
            }
            catch (Exception e) when (e is KubernetesApiException or HttpRequestException)
            {
                logger.LogWarning("node lease renewal failed: {Reason}", e.Message);
            }

            await Task.Delay(renewInterval, cancellationToken);
        }
    }

    public async Task RenewAsync(CancellationToken cancellationToken)
    {
        Lease lease;
        try
        {
            lease = await _leases.GetAsync(nodeName, LeaseNamespace, cancellationToken);
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
            await _leases.CreateAsync(new Lease
            {
                Metadata = new ObjectMeta { Name = nodeName, Namespace = LeaseNamespace },
                Spec = new LeaseSpec
                {
                    HolderIdentity = nodeName,
                    LeaseDurationSeconds = LeaseDurationSeconds,
                    RenewTime = MicroTime.Now,
                },
            }, cancellationToken: cancellationToken);
            return;
        }

        lease.Spec ??= new LeaseSpec();
        lease.Spec.HolderIdentity = nodeName;
        lease.Spec.LeaseDurationSeconds = LeaseDurationSeconds;
        lease.Spec.RenewTime = MicroTime.Now;
        await _leases.UpdateAsync(lease, cancellationToken: cancellationToken);
    }
}
