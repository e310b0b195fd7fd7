using Kubelike.ApiMachinery.Metadata;

namespace Kubelike.ApiMachinery.Registry;

/// <summary>
/// The built-in resources as kube-apiserver 1.33 lists them in discovery (/api/v1, /apis/{group}/{version}):
/// names, scope, short names, categories, verbs and subresources with their response kinds. Clients act on these
/// facts (kubectl resolves "deploy" and "all" from them), so they follow upstream's discovery documents exactly.
/// </summary>
internal static class BuiltInResources
{
    private static readonly string[] CreateOnly = ["create"];
    private static readonly string[] GetPatchUpdate = ["get", "patch", "update"];

    /// <summary>Connect subresources (exec, attach, portforward) take GET and POST.</summary>
    private static readonly string[] CreateGet = ["create", "get"];

    /// <summary>Proxy subresources take every HTTP method, which discovery reports as these verbs.</summary>
    private static readonly string[] ProxyVerbs = ["create", "delete", "get", "patch", "update"];

    /// <summary>Namespaces have no deletecollection: upstream's namespace storage does not implement it.</summary>
    private static readonly string[] NamespaceVerbs = ["create", "delete", "get", "list", "patch", "update", "watch"];

    private static readonly string[] All = ["all"];

    private static readonly GroupVersionKind ScaleKind = new("autoscaling", "v1", "Scale");

    private static SubresourceDefinition Status(string group, string version, string kind) =>
        new("status", new GroupVersionKind(group, version, kind), GetPatchUpdate);

    private static SubresourceDefinition Scale() => new("scale", ScaleKind, GetPatchUpdate);

    private static SubresourceDefinition Core(string name, string kind, IReadOnlyList<string> verbs) =>
        new(name, new GroupVersionKind("", "v1", kind), verbs);

    public static IReadOnlyList<ResourceDefinition> Create() =>
    [
        .. Core(),
        .. Apps(),
        .. Events(),
        .. Authentication(),
        .. Authorization(),
        .. Autoscaling(),
        .. Batch(),
        .. Networking(),
        .. Policy(),
        .. Rbac(),
        .. Storage(),
        .. Scheduling(),
        .. Coordination(),
        .. Discovery(),
    ];

    private static IEnumerable<ResourceDefinition> Core()
    {
        yield return new() { Group = "", Version = "v1", Kind = "Binding", Plural = "bindings", Singular = "binding", Namespaced = true, Verbs = CreateOnly, NameRule = NameRule.None };
        yield return new() { Group = "", Version = "v1", Kind = "ConfigMap", Plural = "configmaps", Singular = "configmap", Namespaced = true, ShortNames = ["cm"] };
        yield return new() { Group = "", Version = "v1", Kind = "Endpoints", Plural = "endpoints", Singular = "endpoints", Namespaced = true, ShortNames = ["ep"] };
        yield return new()
        {
            Group = "",
            Version = "v1",
            Kind = "Event",
            Plural = "events",
            Singular = "event",
            Namespaced = true,
            ShortNames = ["ev"],
            FieldSelectors = CoreEventFieldSelectors,
        };
        yield return new() { Group = "", Version = "v1", Kind = "LimitRange", Plural = "limitranges", Singular = "limitrange", Namespaced = true, ShortNames = ["limits"] };
        yield return new()
        {
            Group = "",
            Version = "v1",
            Kind = "Namespace",
            Plural = "namespaces",
            Singular = "namespace",
            Namespaced = false,
            ShortNames = ["ns"],
            Verbs = NamespaceVerbs,
            NameRule = NameRule.Dns1123Label,
            Subresources = [Core("finalize", "Namespace", ["update"]), Status("", "v1", "Namespace")],
            FieldSelectors = ["status.phase"],
            FieldSelectorRejectsNamespace = true,
        };
        yield return new()
        {
            Group = "",
            Version = "v1",
            Kind = "Node",
            Plural = "nodes",
            Singular = "node",
            Namespaced = false,
            ShortNames = ["no"],
            Subresources = [Core("proxy", "NodeProxyOptions", ProxyVerbs), Status("", "v1", "Node")],
            FieldSelectors = ["spec.unschedulable"],
            FieldSelectorRejectsNamespace = true,
        };
        yield return new()
        {
            Group = "",
            Version = "v1",
            Kind = "PersistentVolumeClaim",
            Plural = "persistentvolumeclaims",
            Singular = "persistentvolumeclaim",
            Namespaced = true,
            ShortNames = ["pvc"],
            Subresources = [Status("", "v1", "PersistentVolumeClaim")],
            DeleteReturnsObject = true,
        };
        yield return new()
        {
            Group = "",
            Version = "v1",
            Kind = "PersistentVolume",
            Plural = "persistentvolumes",
            Singular = "persistentvolume",
            Namespaced = false,
            ShortNames = ["pv"],
            Subresources = [Status("", "v1", "PersistentVolume")],
            DeleteReturnsObject = true,
        };
        yield return new()
        {
            Group = "",
            Version = "v1",
            Kind = "Pod",
            Plural = "pods",
            Singular = "pod",
            Namespaced = true,
            ShortNames = ["po"],
            Categories = All,
            Subresources =
            [
                Core("attach", "PodAttachOptions", CreateGet),
                Core("binding", "Binding", CreateOnly),
                Core("ephemeralcontainers", "Pod", GetPatchUpdate),
                new("eviction", new GroupVersionKind("policy", "v1", "Eviction"), CreateOnly),
                Core("exec", "PodExecOptions", CreateGet),
                Core("log", "Pod", ["get"]),
                Core("portforward", "PodPortForwardOptions", CreateGet),
                Core("proxy", "PodProxyOptions", ProxyVerbs),
                Core("resize", "Pod", GetPatchUpdate),
                Status("", "v1", "Pod"),
            ],
            FieldSelectors =
            [
                "spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName", "spec.hostNetwork",
                "status.phase", "status.podIP", "status.podIPs", "status.nominatedNodeName",
            ],
            FieldSelectorAliases = new Dictionary<string, string> { ["spec.host"] = "spec.nodeName" },
            DeleteReturnsObject = true,
        };
        yield return new() { Group = "", Version = "v1", Kind = "PodTemplate", Plural = "podtemplates", Singular = "podtemplate", Namespaced = true };
        yield return new()
        {
            Group = "",
            Version = "v1",
            Kind = "ReplicationController",
            Plural = "replicationcontrollers",
            Singular = "replicationcontroller",
            Namespaced = true,
            ShortNames = ["rc"],
            Categories = All,
            Subresources = [Scale(), Status("", "v1", "ReplicationController")],
            FieldSelectors = ["status.replicas"],
        };
        yield return new()
        {
            Group = "",
            Version = "v1",
            Kind = "ResourceQuota",
            Plural = "resourcequotas",
            Singular = "resourcequota",
            Namespaced = true,
            ShortNames = ["quota"],
            Subresources = [Status("", "v1", "ResourceQuota")],
        };
        yield return new() { Group = "", Version = "v1", Kind = "Secret", Plural = "secrets", Singular = "secret", Namespaced = true, FieldSelectors = ["type"] };
        yield return new()
        {
            Group = "",
            Version = "v1",
            Kind = "ServiceAccount",
            Plural = "serviceaccounts",
            Singular = "serviceaccount",
            Namespaced = true,
            ShortNames = ["sa"],
            Subresources = [new("token", new GroupVersionKind("authentication.k8s.io", "v1", "TokenRequest"), CreateOnly)],
            DeleteReturnsObject = true,
        };
        yield return new()
        {
            Group = "",
            Version = "v1",
            Kind = "Service",
            Plural = "services",
            Singular = "service",
            Namespaced = true,
            ShortNames = ["svc"],
            Categories = All,
            Subresources = [Core("proxy", "ServiceProxyOptions", ProxyVerbs), Status("", "v1", "Service")],
            FieldSelectors = ["spec.clusterIP", "spec.type"],
            NameRule = NameRule.Dns1035Label,
            DeleteReturnsObject = true,
        };
    }

    /// <summary>Core events' selectable fields (upstream's Event field label conversion).</summary>
    private static readonly string[] CoreEventFieldSelectors =
    [
        "involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid", "involvedObject.apiVersion",
        "involvedObject.resourceVersion", "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type",
    ];

    private static IEnumerable<ResourceDefinition> Apps()
    {
        const string G = "apps";
        yield return new() { Group = G, Version = "v1", Kind = "ControllerRevision", Plural = "controllerrevisions", Singular = "controllerrevision", Namespaced = true };
        yield return new()
        {
            Group = G,
            Version = "v1",
            Kind = "DaemonSet",
            Plural = "daemonsets",
            Singular = "daemonset",
            Namespaced = true,
            ShortNames = ["ds"],
            Categories = All,
            Subresources = [Status(G, "v1", "DaemonSet")],
        };
        yield return new()
        {
            Group = G,
            Version = "v1",
            Kind = "Deployment",
            Plural = "deployments",
            Singular = "deployment",
            Namespaced = true,
            ShortNames = ["deploy"],
            Categories = All,
            Subresources = [Scale(), Status(G, "v1", "Deployment")],
        };
        yield return new()
        {
            Group = G,
            Version = "v1",
            Kind = "ReplicaSet",
            Plural = "replicasets",
            Singular = "replicaset",
            Namespaced = true,
            ShortNames = ["rs"],
            Categories = All,
            Subresources = [Scale(), Status(G, "v1", "ReplicaSet")],
            FieldSelectors = ["status.replicas"],
        };
        yield return new()
        {
            Group = G,
            Version = "v1",
            Kind = "StatefulSet",
            Plural = "statefulsets",
            Singular = "statefulset",
            Namespaced = true,
            ShortNames = ["sts"],
            Categories = All,
            Subresources = [Scale(), Status(G, "v1", "StatefulSet")],
        };
    }

    private static IEnumerable<ResourceDefinition> Events()
    {
        // events.k8s.io/v1 serves the same objects as core/v1 events; its selectors use the new field names and
        // are matched against the stored (core) fields, as upstream's conversion maps them.
        yield return new()
        {
            Group = "events.k8s.io",
            Version = "v1",
            Kind = "Event",
            Plural = "events",
            Singular = "event",
            Namespaced = true,
            ShortNames = ["ev"],
            StorageResource = "events",
            FieldSelectorAliases = new Dictionary<string, string>
            {
                ["reason"] = "reason",
                ["regarding.kind"] = "involvedObject.kind",
                ["regarding.namespace"] = "involvedObject.namespace",
                ["regarding.name"] = "involvedObject.name",
                ["regarding.uid"] = "involvedObject.uid",
                ["regarding.apiVersion"] = "involvedObject.apiVersion",
                ["regarding.resourceVersion"] = "involvedObject.resourceVersion",
                ["regarding.fieldPath"] = "involvedObject.fieldPath",
                ["reportingController"] = "reportingComponent",
                ["source"] = "source",
                ["type"] = "type",
            },
        };
    }

    private static IEnumerable<ResourceDefinition> Authentication()
    {
        const string G = "authentication.k8s.io";
        yield return new() { Group = G, Version = "v1", Kind = "SelfSubjectReview", Plural = "selfsubjectreviews", Singular = "selfsubjectreview", Namespaced = false, Verbs = CreateOnly, NameRule = NameRule.None };
        yield return new() { Group = G, Version = "v1", Kind = "TokenReview", Plural = "tokenreviews", Singular = "tokenreview", Namespaced = false, Verbs = CreateOnly, NameRule = NameRule.None };
    }

    private static IEnumerable<ResourceDefinition> Authorization()
    {
        const string G = "authorization.k8s.io";
        yield return new() { Group = G, Version = "v1", Kind = "LocalSubjectAccessReview", Plural = "localsubjectaccessreviews", Singular = "localsubjectaccessreview", Namespaced = true, Verbs = CreateOnly, NameRule = NameRule.None };
        yield return new() { Group = G, Version = "v1", Kind = "SelfSubjectAccessReview", Plural = "selfsubjectaccessreviews", Singular = "selfsubjectaccessreview", Namespaced = false, Verbs = CreateOnly, NameRule = NameRule.None };
        yield return new() { Group = G, Version = "v1", Kind = "SelfSubjectRulesReview", Plural = "selfsubjectrulesreviews", Singular = "selfsubjectrulesreview", Namespaced = false, Verbs = CreateOnly, NameRule = NameRule.None };
        yield return new() { Group = G, Version = "v1", Kind = "SubjectAccessReview", Plural = "subjectaccessreviews", Singular = "subjectaccessreview", Namespaced = false, Verbs = CreateOnly, NameRule = NameRule.None };
    }

    private static IEnumerable<ResourceDefinition> Autoscaling()
    {
        foreach (var version in new[] { "v2", "v1" })
        {
            yield return new()
            {
                Group = "autoscaling",
                Version = version,
                Kind = "HorizontalPodAutoscaler",
                Plural = "horizontalpodautoscalers",
                Singular = "horizontalpodautoscaler",
                Namespaced = true,
                ShortNames = ["hpa"],
                Categories = All,
                Subresources = [Status("autoscaling", version, "HorizontalPodAutoscaler")],
            };
        }
    }

    private static IEnumerable<ResourceDefinition> Batch()
    {
        const string G = "batch";
        yield return new()
        {
            Group = G,
            Version = "v1",
            Kind = "CronJob",
            Plural = "cronjobs",
            Singular = "cronjob",
            Namespaced = true,
            ShortNames = ["cj"],
            Categories = All,
            Subresources = [Status(G, "v1", "CronJob")],
        };
        yield return new()
        {
            Group = G,
            Version = "v1",
            Kind = "Job",
            Plural = "jobs",
            Singular = "job",
            Namespaced = true,
            Categories = All,
            Subresources = [Status(G, "v1", "Job")],
            FieldSelectors = ["status.successful"],
        };
    }

    private static IEnumerable<ResourceDefinition> Networking()
    {
        const string G = "networking.k8s.io";
        yield return new() { Group = G, Version = "v1", Kind = "IngressClass", Plural = "ingressclasses", Singular = "ingressclass", Namespaced = false };
        yield return new()
        {
            Group = G,
            Version = "v1",
            Kind = "Ingress",
            Plural = "ingresses",
            Singular = "ingress",
            Namespaced = true,
            ShortNames = ["ing"],
            Subresources = [Status(G, "v1", "Ingress")],
        };
        yield return new() { Group = G, Version = "v1", Kind = "NetworkPolicy", Plural = "networkpolicies", Singular = "networkpolicy", Namespaced = true, ShortNames = ["netpol"] };
    }

    private static IEnumerable<ResourceDefinition> Policy()
    {
        yield return new()
        {
            Group = "policy",
            Version = "v1",
            Kind = "PodDisruptionBudget",
            Plural = "poddisruptionbudgets",
            Singular = "poddisruptionbudget",
            Namespaced = true,
            ShortNames = ["pdb"],
            Subresources = [Status("policy", "v1", "PodDisruptionBudget")],
        };
    }

    private static IEnumerable<ResourceDefinition> Rbac()
    {
        const string G = "rbac.authorization.k8s.io";
        yield return new() { Group = G, Version = "v1", Kind = "ClusterRoleBinding", Plural = "clusterrolebindings", Singular = "clusterrolebinding", Namespaced = false, NameRule = NameRule.PathSegment };
        yield return new() { Group = G, Version = "v1", Kind = "ClusterRole", Plural = "clusterroles", Singular = "clusterrole", Namespaced = false, NameRule = NameRule.PathSegment };
        yield return new() { Group = G, Version = "v1", Kind = "RoleBinding", Plural = "rolebindings", Singular = "rolebinding", Namespaced = true, NameRule = NameRule.PathSegment };
        yield return new() { Group = G, Version = "v1", Kind = "Role", Plural = "roles", Singular = "role", Namespaced = true, NameRule = NameRule.PathSegment };
    }

    private static IEnumerable<ResourceDefinition> Storage()
    {
        yield return new()
        {
            Group = "storage.k8s.io",
            Version = "v1",
            Kind = "StorageClass",
            Plural = "storageclasses",
            Singular = "storageclass",
            Namespaced = false,
            ShortNames = ["sc"],
            DeleteReturnsObject = true,
        };
    }

    private static IEnumerable<ResourceDefinition> Scheduling()
    {
        yield return new()
        {
            Group = "scheduling.k8s.io",
            Version = "v1",
            Kind = "PriorityClass",
            Plural = "priorityclasses",
            Singular = "priorityclass",
            Namespaced = false,
            ShortNames = ["pc"],
        };
    }

    private static IEnumerable<ResourceDefinition> Coordination()
    {
        yield return new() { Group = "coordination.k8s.io", Version = "v1", Kind = "Lease", Plural = "leases", Singular = "lease", Namespaced = true };
    }

    private static IEnumerable<ResourceDefinition> Discovery()
    {
        yield return new() { Group = "discovery.k8s.io", Version = "v1", Kind = "EndpointSlice", Plural = "endpointslices", Singular = "endpointslice", Namespaced = true };
    }
}
