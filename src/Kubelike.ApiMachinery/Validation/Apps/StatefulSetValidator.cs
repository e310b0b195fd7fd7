using System.Text.Json.Nodes;
using Kubelike.Api;
using Kubelike.Api.Apps.V1;
using Kubelike.Api.Core.V1;
using Kubelike.ApiMachinery.Validation.Core;

namespace Kubelike.ApiMachinery.Validation.Apps;

/// <summary>A StatefulSet (upstream's ValidateStatefulSetSpec).</summary>
public sealed class StatefulSetValidator : FieldValidator<StatefulSet>
{
    public StatefulSetValidator()
    {
        Check((statefulSet, e) =>
        {
            var spec = statefulSet.Spec ?? new StatefulSetSpec();
            var at = e.Path.Child("spec");
            switch (spec.PodManagementPolicy)
            {
                case null or "":
                    e.Required(at.Child("podManagementPolicy"));
                    break;
                case "OrderedReady" or "Parallel":
                    break;
                default:
                    e.Invalid(at.Child("podManagementPolicy"), spec.PodManagementPolicy, "must be 'OrderedReady' or 'Parallel'");
                    break;
            }
            var strategy = spec.UpdateStrategy;
            switch (strategy?.Type)
            {
                case null or "":
                    e.Required(at.Child("updateStrategy"));
                    break;
                case "OnDelete":
                    if (strategy.RollingUpdate is not null)
                    {
                        e.Invalid(at.Child("updateStrategy", "rollingUpdate"), FieldErrorCollector.Display(strategy.RollingUpdate), "only allowed for updateStrategy 'RollingUpdate'");
                    }
                    break;
                case "RollingUpdate":
                    if (strategy.RollingUpdate is { } rolling)
                    {
                        e.Nonnegative(at.Child("updateStrategy", "rollingUpdate", "partition"), rolling.Partition);
                        if (rolling.MaxUnavailable is { } maxUnavailable)
                        {
                            var path = at.Child("updateStrategy", "rollingUpdate", "maxUnavailable");
                            WorkloadRules.PositiveIntOrPercent(e, path, maxUnavailable);
                            if (WorkloadRules.Value(maxUnavailable) == 0)
                            {
                                e.Invalid(path, GoValues.IntOrString(maxUnavailable), "cannot be 0");
                            }
                            WorkloadRules.NotMoreThan100Percent(e, path, maxUnavailable);
                        }
                    }
                    break;
                default:
                    e.Invalid(at.Child("updateStrategy"), FieldErrorCollector.Display(strategy), "must be 'RollingUpdate' or 'OnDelete'");
                    break;
            }
            e.Nonnegative(at.Child("revisionHistoryLimit"), spec.RevisionHistoryLimit);
            e.Nonnegative(at.Child("replicas"), spec.Replicas);
            e.Nonnegative(at.Child("minReadySeconds"), spec.MinReadySeconds);
            e.Nonnegative(at.Child("ordinals", "start"), spec.Ordinals?.Start);
            WorkloadRules.Selector(e, at.Child("selector"), spec.Selector, "statefulset");
            PodTemplateSpecValidator.ForController(e, at.Child("template"), WithClaimVolumes(spec.Template, spec.VolumeClaimTemplates), spec.Selector, PodTemplateSpecValidator.AlwaysRestart, "StatefulSet");
            var i = 0;
            foreach (var claim in spec.VolumeClaimTemplates ?? [])
            {
                var claimPath = at.Child("volumeClaimTemplates").Index(i++);
                e.RequiredDns1123Subdomain(claimPath.Child("metadata", "name"), claim.Metadata?.Name);
                e.Validate(PersistentVolumeClaimSpecValidator.Instance, claim.Spec, claimPath.Child("spec"));
            }
        });
    }

    /// <summary>
    /// The template as the controller stamps pods out of it: a volume per claim template, so volumeMounts may name
    /// them (upstream does not validate the template's volumes for this reason).
    /// </summary>
    private static PodTemplateSpec? WithClaimVolumes(PodTemplateSpec? template, IList<PersistentVolumeClaim>? claims)
    {
        if (template?.Spec is null || claims is not { Count: > 0 })
            return template;
        var copy = KubernetesJson.Deserialize<PodTemplateSpec>(KubernetesJson.Serialize(template))!;
        var volumes = copy.Spec!.Volumes ?? [];
        foreach (var claim in claims.Where(c => c.Metadata?.Name is { } name && volumes.All(v => v.Name != name)))
            volumes.Add(new Volume { Name = claim.Metadata!.Name, PersistentVolumeClaim = new PersistentVolumeClaimVolumeSource { ClaimName = claim.Metadata.Name } });
        copy.Spec.Volumes = volumes;
        return copy;
    }
}

/// <summary>A StatefulSet update: only some spec fields may change (upstream's ValidateStatefulSetUpdate).</summary>
public sealed class StatefulSetUpdateValidator : FieldValidator<ObjectUpdate<StatefulSet>>
{
    private static readonly string[] Mutable = ["replicas", "ordinals", "template", "updateStrategy", "persistentVolumeClaimRetentionPolicy", "minReadySeconds"];

    public StatefulSetUpdateValidator()
    {
        Check((update, e) =>
        {
            var next = KubernetesJson.SerializeToNode(update.New.Spec) as JsonObject ?? [];
            var old = KubernetesJson.SerializeToNode(update.Old.Spec) as JsonObject ?? [];
            foreach (var field in Mutable)
            {
                next.Remove(field);
                old.Remove(field);
            }
            if (!JsonNode.DeepEquals(next, old))
            {
                e.Forbidden(e.Path.Child("spec"),
                    "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden");
            }
        });
    }
}
