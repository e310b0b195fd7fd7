using Kubelike.Api.Apps.V1;
using Kubelike.Api.Core.V1;
using Kubelike.Client.Informers;
using Kubelike.Client.Rest;
using Kubelike.Controllers.Runtime;
using Microsoft.Extensions.Logging;

namespace Kubelike.Controllers.ReplicaSets;

/// <summary>Keeps each ReplicaSet's pods at spec.replicas (see <see cref="ReplicatedPodController{TOwner}"/>); its selector is a label selector.</summary>
public sealed class ReplicaSetController(KubernetesClient client, SharedInformerFactory informers, ILogger<ReplicaSetController> logger)
    : ReplicatedPodController<ReplicaSet>(client, informers, logger)
{
    protected override string Kind => "ReplicaSet";

    protected override string ApiVersion => "apps/v1";

    protected override bool Selects(ReplicaSet owner, IDictionary<string, string>? labels) => LabelSelectors.Matches(owner.Spec?.Selector, labels);

    protected override int DesiredReplicas(ReplicaSet owner) => owner.Spec?.Replicas ?? 1;

    protected override int MinReadySeconds(ReplicaSet owner) => owner.Spec?.MinReadySeconds ?? 0;

    protected override PodTemplateSpec? Template(ReplicaSet owner) => owner.Spec?.Template;

    protected override ReplicaCounts ReportedCounts(ReplicaSet owner) => owner.Status is { } s
        ? new(s.Replicas ?? 0, s.FullyLabeledReplicas ?? 0, s.ReadyReplicas ?? 0, s.AvailableReplicas ?? 0, s.ObservedGeneration ?? 0)
        : default;

    protected override async Task WriteStatusAsync(ReplicaSet owner, ReplicaCounts counts, CancellationToken cancellationToken)
    {
        var updated = Owners.Clone(owner);
        updated.Status = new ReplicaSetStatus
        {
            Replicas = counts.Replicas,
            FullyLabeledReplicas = counts.FullyLabeled,
            ReadyReplicas = counts.Ready,
            AvailableReplicas = counts.Available,
            ObservedGeneration = counts.ObservedGeneration,
            Conditions = owner.Status?.Conditions,
        };
        await Client.Resource<ReplicaSet>().UpdateStatusAsync(updated, cancellationToken: cancellationToken);
    }
}
