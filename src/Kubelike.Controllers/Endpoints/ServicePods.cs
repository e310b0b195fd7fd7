using System.Globalization;
using Kubelike.Api.Core.V1;
using Kubelike.Client.Informers;
using Kubelike.Controllers.ReplicaSets;

namespace Kubelike.Controllers.Endpoints;

/// <summary>What the Endpoints and EndpointSlice controllers share: which pods back a Service, and on which ports.</summary>
public static class ServicePods
{
    /// <summary>The annotation with the time of the last pod or service change reflected in the endpoints.</summary>
    public const string LastChangeTriggerTime = "endpoints.kubernetes.io/last-change-trigger-time";

    /// <summary>The label marking endpoints of a headless service.</summary>
    public const string HeadlessLabel = "service.kubernetes.io/headless";

    /// <summary>Whether a service selects pods (a service without selector has endpoints someone else writes).</summary>
    public static bool HasSelector(Service service) => service.Spec?.Selector is { Count: > 0 };

    /// <summary>Pods of the service's namespace its selector matches (a map selector: every label equal).</summary>
    public static List<Pod> Selected(Service service, InformerCache<Pod> pods)
    {
        var selector = service.Spec?.Selector ?? new Dictionary<string, string>();
        return [.. pods.ByIndex(CacheIndexers.Namespace, service.Metadata?.Namespace ?? "").Where(p => Matches(selector, p.Metadata?.Labels))];
    }

    public static bool Matches(IDictionary<string, string>? selector, IDictionary<string, string>? labels) =>
        selector is { Count: > 0 } && selector.All(s => labels is not null && labels.TryGetValue(s.Key, out var v) && v == s.Value);

    /// <summary>
    /// Whether the pod is an endpoint at all (upstream's ShouldPodBeInEndpoints): it has an IP, is not finished, and
    /// is not terminating unless terminating pods are wanted.
    /// </summary>
    public static bool ShouldBeEndpoint(Pod pod, bool includeTerminating)
    {
        if (string.IsNullOrEmpty(pod.Status?.PodIP))
            return false;
        if (!includeTerminating && pod.Metadata?.DeletionTimestamp is not null)
            return false;
        var phase = pod.Status?.Phase;
        return phase is not ("Succeeded" or "Failed");
    }

    public static bool IsReady(Pod pod) => PodReadiness.IsReady(pod);

    public static bool IsTerminating(Pod pod) => pod.Metadata?.DeletionTimestamp is not null;

    /// <summary>The pod's port for a service port: targetPort as a number, or the container port of that name and protocol; null when the pod has none.</summary>
    public static int? TargetPort(Pod pod, ServicePort servicePort)
    {
        var target = servicePort.TargetPort;
        if (target is null)
            return servicePort.Port;
        if (target.IsInt)
            return target.IntValue == 0 ? servicePort.Port : target.IntValue;
        var protocol = servicePort.Protocol ?? "TCP";
        foreach (var container in pod.Spec?.Containers ?? [])
        {
            foreach (var port in container.Ports ?? [])
            {
                if (port.Name == target.StringValue && (port.Protocol ?? "TCP") == protocol)
                    return port.ContainerPortValue;
            }
        }
        return null;
    }

    /// <summary>The hostname a pod has in a headless service's DNS: its spec.hostname when its subdomain is the service's name.</summary>
    public static string? Hostname(Pod pod, Service service) =>
        !string.IsNullOrEmpty(pod.Spec?.Hostname) && pod.Spec.Subdomain == service.Metadata?.Name && service.Spec?.ClusterIP == "None"
            ? pod.Spec.Hostname
            : null;

    public static ObjectReference TargetRef(Pod pod) => new()
    {
        Kind = "Pod",
        Namespace = pod.Metadata?.Namespace,
        Name = pod.Metadata?.Name,
        Uid = pod.Metadata?.Uid,
    };

    /// <summary>
    /// The time of the newest change among the service and its pods that the endpoints reflect (creation, or the
    /// Ready condition's last transition), as upstream's trigger-time tracker reports it (RFC 3339 with fractions).
    /// </summary>
    public static string? TriggerTime(Service service, IEnumerable<Pod> pods)
    {
        DateTimeOffset? newest = service.Metadata?.CreationTimestamp?.Value;
        foreach (var pod in pods)
        {
            var changed = PodReadiness.ReadyCondition(pod)?.LastTransitionTime?.Value ?? pod.Metadata?.CreationTimestamp?.Value;
            if (pod.Metadata?.DeletionTimestamp?.Value is { } deleting && (changed is null || deleting > changed))
                changed = deleting;
            if (changed is { } c && (newest is null || c > newest))
                newest = c;
        }
        return newest?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture);
    }
}
