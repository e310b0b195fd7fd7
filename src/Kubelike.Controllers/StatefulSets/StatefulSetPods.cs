using System.Globalization;
using System.Text.RegularExpressions;
using Kubelike.Api.Apps.V1;
using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Controllers.Runtime;

namespace Kubelike.Controllers.StatefulSets;

/// <summary>The stable identity of a StatefulSet's pods: names, ordinals, identity labels and claim names.</summary>
public static partial class StatefulSetPods
{
    public const string PodNameLabel = "statefulset.kubernetes.io/pod-name";
    public const string PodIndexLabel = "apps.kubernetes.io/pod-index";
    public const string RevisionLabel = "controller-revision-hash";

    public static string PodName(StatefulSet set, int ordinal) => $"{set.Metadata!.Name}-{ordinal.ToString(CultureInfo.InvariantCulture)}";

    public static string ClaimName(PersistentVolumeClaim template, StatefulSet set, int ordinal) =>
        $"{template.Metadata?.Name}-{set.Metadata!.Name}-{ordinal.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The ordinal of a pod named <c>&lt;set&gt;-&lt;ordinal&gt;</c> of <paramref name="set"/>; null for any other name.</summary>
    public static int? Ordinal(StatefulSet set, Pod pod)
    {
        var name = pod.Metadata?.Name ?? "";
        var prefix = set.Metadata!.Name + "-";
        if (!name.StartsWith(prefix, StringComparison.Ordinal) || !OrdinalPattern().IsMatch(name[prefix.Length..]))
            return null;
        return int.TryParse(name[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var ordinal) ? ordinal : null;
    }

    public static string? Revision(Pod pod) => pod.Metadata?.Labels is { } labels && labels.TryGetValue(RevisionLabel, out var value) ? value : null;

    public static bool IsTerminating(Pod pod) => pod.Metadata?.DeletionTimestamp is not null;

    public static bool IsFinished(Pod pod) => pod.Status?.Phase is "Succeeded" or "Failed";

    public static bool IsRunningAndReady(Pod pod) => pod.Status?.Phase == "Running" && ReplicaSets.PodReadiness.IsReady(pod);

    /// <summary>
    /// The pod of <paramref name="ordinal"/> from <paramref name="template"/> (the template of one revision): its
    /// identity labels, hostname and subdomain, and a volume per claim template naming that ordinal's claim.
    /// </summary>
    public static Pod New(StatefulSet set, PodTemplateSpec template, ControllerRevision revision, int ordinal)
    {
        template = Owners.Clone(template);
        var name = PodName(set, ordinal);
        var labels = new Dictionary<string, string>(template.Metadata?.Labels ?? new Dictionary<string, string>())
        {
            [PodNameLabel] = name,
            [PodIndexLabel] = ordinal.ToString(CultureInfo.InvariantCulture),
            [RevisionLabel] = revision.Metadata!.Name!,
        };
        var spec = template.Spec ?? new PodSpec();
        spec.Hostname = name;
        if (!string.IsNullOrEmpty(set.Spec?.ServiceName))
            spec.Subdomain = set.Spec.ServiceName;
        var claims = set.Spec?.VolumeClaimTemplates ?? [];
        if (claims.Count > 0)
        {
            // A claim template takes precedence over a template volume of the same name.
            var volumes = (spec.Volumes ?? []).Where(v => claims.All(c => c.Metadata?.Name != v.Name)).ToList();
            volumes.AddRange(claims.Select(c => new Volume
            {
                Name = c.Metadata?.Name,
                PersistentVolumeClaim = new PersistentVolumeClaimVolumeSource { ClaimName = ClaimName(c, set, ordinal) },
            }));
            spec.Volumes = volumes;
        }

        return new Pod
        {
            ApiVersion = "v1",
            Kind = "Pod",
            Metadata = new ObjectMeta
            {
                Name = name,
                Namespace = set.Metadata!.Namespace,
                Labels = labels,
                Annotations = template.Metadata?.Annotations,
                Finalizers = template.Metadata?.Finalizers,
                OwnerReferences = [Owners.ControllerReference(set, "apps/v1", "StatefulSet")],
            },
            Spec = spec,
        };
    }

    [GeneratedRegex("^(0|[1-9][0-9]*)$")]
    private static partial Regex OrdinalPattern();
}
