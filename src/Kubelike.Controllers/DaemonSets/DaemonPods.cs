using Kubelike.Api.Core.V1;

namespace Kubelike.Controllers.DaemonSets;

/// <summary>
/// What a DaemonSet's pods carry beyond their template, as upstream's controller gives them since 1.12: the default
/// tolerations of daemons, and a required node affinity pinning each pod to its node (the scheduler binds it).
/// </summary>
public static class DaemonPods
{
    public const string RevisionLabel = "controller-revision-hash";
    public const string TemplateGenerationLabel = "pod-template-generation";
    private const string NodeNameField = "metadata.name";

    /// <summary>Daemons keep running on nodes that are unhealthy or cordoned; that is what they are for.</summary>
    public static void AddDefaultTolerations(PodSpec spec)
    {
        var tolerations = spec.Tolerations?.ToList() ?? [];
        void Add(string key, string effect)
        {
            if (!tolerations.Any(t => t.Key == key && t.Effect == effect && (t.Operator ?? "Equal") == "Exists"))
                tolerations.Add(new Toleration { Key = key, Operator = "Exists", Effect = effect });
        }

        Add("node.kubernetes.io/not-ready", "NoExecute");
        Add("node.kubernetes.io/unreachable", "NoExecute");
        Add("node.kubernetes.io/disk-pressure", "NoSchedule");
        Add("node.kubernetes.io/memory-pressure", "NoSchedule");
        Add("node.kubernetes.io/pid-pressure", "NoSchedule");
        Add("node.kubernetes.io/unschedulable", "NoSchedule");
        if (spec.HostNetwork == true)
            Add("node.kubernetes.io/network-unavailable", "NoSchedule");
        spec.Tolerations = tolerations;
    }

    /// <summary>
    /// Replaces the required node affinity with the one term <c>metadata.name In [node]</c> (the template's own
    /// terms were already checked against the node), keeping preferred terms and other affinities.
    /// </summary>
    public static void PinToNode(PodSpec spec, string nodeName)
    {
        spec.Affinity ??= new Affinity();
        spec.Affinity.NodeAffinity ??= new NodeAffinity();
        spec.Affinity.NodeAffinity.RequiredDuringSchedulingIgnoredDuringExecution = new NodeSelector
        {
            NodeSelectorTerms =
            [
                new NodeSelectorTerm { MatchFields = [new NodeSelectorRequirement { Key = NodeNameField, Operator = "In", Values = [nodeName] }] },
            ],
        };
    }

    /// <summary>The node a daemon pod is for: where it is bound, or else the node its affinity pins it to.</summary>
    public static string? TargetNode(Pod pod)
    {
        if (!string.IsNullOrEmpty(pod.Spec?.NodeName))
            return pod.Spec.NodeName;
        var terms = pod.Spec?.Affinity?.NodeAffinity?.RequiredDuringSchedulingIgnoredDuringExecution?.NodeSelectorTerms;
        return terms?.SelectMany(t => t.MatchFields ?? [])
            .FirstOrDefault(r => r.Key == NodeNameField && r.Operator == "In" && r.Values?.Count == 1)?.Values![0];
    }
}
