using Kubelike.Api.Core.V1;
using Kubelike.Client.Informers;
using Kubelike.Client.Rest;
using Kubelike.Controllers.ReplicaSets;
using Kubelike.Controllers.Runtime;
using Microsoft.Extensions.Logging;

namespace Kubelike.Controllers.ReplicationControllers;

/// <summary>
/// The ReplicationController controller (upstream calls it the replication manager): the ReplicaSet logic of
/// <see cref="ReplicatedPodController{TOwner}"/> over the older kind, whose selector is a plain map of labels.
/// </summary>
public sealed class ReplicationManager(KubernetesClient client, SharedInformerFactory informers, ILogger<ReplicationManager> logger)
    : ReplicatedPodController<ReplicationController>(client, informers, logger)
{
    protected override string Kind => "ReplicationController";

    protected override string ApiVersion => "v1";

    /// <summary>Every pair must match; an empty selector selects nothing (the API defaults it from the template's labels).</summary>
    protected override bool Selects(ReplicationController owner, IDictionary<string, string>? labels) =>
        owner.Spec?.Selector is { Count: > 0 } selector && labels is not null
        && selector.All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value);

    protected override int DesiredReplicas(ReplicationController owner) => owner.Spec?.Replicas ?? 1;

    protected override int MinReadySeconds(ReplicationController owner) => owner.Spec?.MinReadySeconds ?? 0;

    protected override PodTemplateSpec? Template(ReplicationController owner) => owner.Spec?.Template;

    protected override ReplicaCounts ReportedCounts(ReplicationController owner) => owner.Status is { } s
        ? new(s.Replicas ?? 0, s.FullyLabeledReplicas ?? 0, s.ReadyReplicas ?? 0, s.AvailableReplicas ?? 0, s.ObservedGeneration ?? 0)
        : default;

    protected override async Task WriteStatusAsync(ReplicationController owner, ReplicaCounts counts, CancellationToken cancellationToken)
    {
        var updated = Owners.Clone(owner);
        updated.Status = new ReplicationControllerStatus
        {
            Replicas = counts.Replicas,
            FullyLabeledReplicas = counts.FullyLabeled,
            ReadyReplicas = counts.Ready,
            AvailableReplicas = counts.Available,
            ObservedGeneration = counts.ObservedGeneration,
            Conditions = owner.Status?.Conditions,
        };
        await Client.Resource<ReplicationController>().UpdateStatusAsync(updated, cancellationToken: cancellationToken);
    }
}
