using Kubelike.Api.Meta.V1;
using Kubelike.Api.Rbac.V1;

namespace Kubelike.ApiServer.Authorization.Bootstrap;

/// <summary>
/// The default ClusterRoles and ClusterRoleBindings every cluster starts with, with the names, rules, labels and
/// subjects upstream's bootstrap policy gives them (admin/edit/view are aggregated from the system:aggregate-to-*
/// roles through their <c>rbac.authorization.k8s.io/aggregate-to-*</c> labels).
/// </summary>
public static class BootstrapPolicy
{
    public const string BootstrappingLabel = "kubernetes.io/bootstrapping";
    public const string AutoUpdateAnnotation = "rbac.authorization.kubernetes.io/autoupdate";
    public const string AggregateToAdmin = "rbac.authorization.k8s.io/aggregate-to-admin";
    public const string AggregateToEdit = "rbac.authorization.k8s.io/aggregate-to-edit";
    public const string AggregateToView = "rbac.authorization.k8s.io/aggregate-to-view";

    private const string Core = "";
    private const string Apps = "apps";
    private const string AuthenticationGroup = "authentication.k8s.io";
    private const string AuthorizationGroup = "authorization.k8s.io";
    private const string Autoscaling = "autoscaling";
    private const string Batch = "batch";
    private const string Certificates = "certificates.k8s.io";
    private const string Coordination = "coordination.k8s.io";
    private const string DiscoveryGroup = "discovery.k8s.io";
    private const string Events = "events.k8s.io";
    private const string Extensions = "extensions";
    private const string Networking = "networking.k8s.io";
    private const string NodeGroup = "node.k8s.io";
    private const string Policy = "policy";
    private const string Rbac = "rbac.authorization.k8s.io";
    private const string StorageGroup = "storage.k8s.io";

    private static readonly string[] Read = ["get", "list", "watch"];
    private static readonly string[] Write = ["create", "update", "patch", "delete", "deletecollection"];
    private static readonly string[] ReadWrite = [.. Read, .. Write];

    public static IReadOnlyList<ClusterRole> ClusterRoles() =>
    [
        Role("cluster-admin", [Rule(["*"], ["*"], ["*"]), Urls(["*"], "*")]),
        Role("system:discovery", [Urls(["get"], "/api", "/api/*", "/apis", "/apis/*", "/healthz", "/livez", "/openapi", "/openapi/*", "/readyz", "/version", "/version/")]),
        Role("system:monitoring", [Urls(["get"], "/healthz", "/healthz/*", "/livez", "/livez/*", "/metrics", "/metrics/slis", "/readyz", "/readyz/*")]),
        Role("system:basic-user",
        [
            Rule(["create"], [AuthorizationGroup], ["selfsubjectaccessreviews", "selfsubjectrulesreviews"]),
            Rule(["create"], [AuthenticationGroup], ["selfsubjectreviews"]),
        ]),
        Role("system:public-info-viewer", [Urls(["get"], "/healthz", "/livez", "/readyz", "/version", "/version/")]),
        Aggregated("admin", AggregateToAdmin),
        Aggregated("edit", AggregateToEdit, labels: new() { [AggregateToAdmin] = "true" }),
        Aggregated("view", AggregateToView, labels: new() { [AggregateToEdit] = "true" }),
        Role("system:aggregate-to-admin",
        [
            Rule(["create"], [AuthorizationGroup], ["localsubjectaccessreviews"]),
            Rule(ReadWrite, [Rbac], ["rolebindings", "roles"]),
        ], new() { [AggregateToAdmin] = "true" }),
        Role("system:aggregate-to-edit",
        [
            Rule(Read, [Core], ["pods/attach", "pods/exec", "pods/portforward", "pods/proxy", "secrets", "services/proxy"]),
            Rule(["impersonate"], [Core], ["serviceaccounts"]),
            Rule(Write, [Core], ["pods", "pods/attach", "pods/exec", "pods/portforward", "pods/proxy"]),
            Rule(["create"], [Core], ["pods/eviction"]),
            Rule(Write, [Core], ["configmaps", "events", "persistentvolumeclaims", "replicationcontrollers", "replicationcontrollers/scale", "secrets", "serviceaccounts", "services", "services/proxy"]),
            Rule(["create"], [Core], ["serviceaccounts/token"]),
            Rule(Write, [Apps], ["daemonsets", "deployments", "deployments/rollback", "deployments/scale", "replicasets", "replicasets/scale", "statefulsets", "statefulsets/scale"]),
            Rule(Write, [Autoscaling], ["horizontalpodautoscalers"]),
            Rule(Write, [Batch], ["cronjobs", "jobs"]),
            Rule(Write, [Extensions], ["daemonsets", "deployments", "deployments/rollback", "deployments/scale", "ingresses", "networkpolicies", "replicasets", "replicasets/scale", "replicationcontrollers/scale"]),
            Rule(Write, [Policy], ["poddisruptionbudgets"]),
            Rule(Write, [Networking], ["ingresses", "networkpolicies"]),
        ], new() { [AggregateToEdit] = "true" }),
        Role("system:aggregate-to-view",
        [
            Rule(Read, [Core], ["configmaps", "endpoints", "persistentvolumeclaims", "persistentvolumeclaims/status", "pods", "replicationcontrollers", "replicationcontrollers/scale", "serviceaccounts", "services", "services/status"]),
            Rule(Read, [Core], ["bindings", "events", "limitranges", "namespaces/status", "pods/log", "pods/status", "replicationcontrollers/status", "resourcequotas", "resourcequotas/status"]),
            Rule(Read, [Core], ["namespaces"]),
            Rule(Read, [DiscoveryGroup], ["endpointslices"]),
            Rule(Read, [Apps], ["controllerrevisions", "daemonsets", "daemonsets/status", "deployments", "deployments/scale", "deployments/status", "replicasets", "replicasets/scale", "replicasets/status", "statefulsets", "statefulsets/scale", "statefulsets/status"]),
            Rule(Read, [Autoscaling], ["horizontalpodautoscalers", "horizontalpodautoscalers/status"]),
            Rule(Read, [Batch], ["cronjobs", "cronjobs/status", "jobs", "jobs/status"]),
            Rule(Read, [Extensions], ["daemonsets", "daemonsets/status", "deployments", "deployments/scale", "deployments/status", "ingresses", "ingresses/status", "networkpolicies", "replicasets", "replicasets/scale", "replicasets/status", "replicationcontrollers/scale"]),
            Rule(Read, [Policy], ["poddisruptionbudgets", "poddisruptionbudgets/status"]),
            Rule(Read, [Networking], ["ingresses", "ingresses/status", "networkpolicies"]),
        ], new() { [AggregateToView] = "true" }),
        Role("system:auth-delegator",
        [
            Rule(["create"], [AuthenticationGroup], ["tokenreviews"]),
            Rule(["create"], [AuthorizationGroup], ["subjectaccessreviews"]),
        ]),
        Role("system:node", NodeRules()),
        Role("system:node-bootstrapper", [Rule(["create", "get", "list", "watch"], [Certificates], ["certificatesigningrequests"])]),
        Role("system:node-proxier",
        [
            Rule(["list", "watch"], [Core], ["endpoints", "services"]),
            Rule(["get", "list", "watch"], [Core], ["nodes"]),
            Rule(["create", "patch", "update"], [Core, Events], ["events"]),
            Rule(["list", "watch"], [DiscoveryGroup], ["endpointslices"]),
        ]),
        Role("system:kube-dns", [Rule(["list", "watch"], [Core], ["endpoints", "services"])]),
        Role("system:kube-controller-manager",
        [
            Rule(["create", "patch", "update"], [Core, Events], ["events"]),
            Rule(["create"], [Coordination], ["leases"]),
            Rule(["get", "update"], [Coordination], ["leases"], ["kube-controller-manager"]),
            Rule(["create"], [Core], ["secrets", "serviceaccounts"]),
            Rule(["delete"], [Core], ["secrets"]),
            Rule(["get"], [Core], ["configmaps", "namespaces", "secrets", "serviceaccounts"]),
            Rule(["update"], [Core], ["secrets", "serviceaccounts"]),
            Rule(["create"], [AuthenticationGroup], ["tokenreviews"]),
            Rule(["create"], [AuthorizationGroup], ["subjectaccessreviews"]),
            Rule(["list", "watch"], ["*"], ["*"]),
            Rule(["create"], [Core], ["serviceaccounts/token"]),
        ]),
        Role("system:kube-scheduler",
        [
            Rule(["create", "patch", "update"], [Core, Events], ["events"]),
            Rule(["create"], [Coordination], ["leases"]),
            Rule(["get", "update"], [Coordination], ["leases"], ["kube-scheduler"]),
            Rule(["get", "list", "watch"], [Core], ["nodes"]),
            Rule(["delete", "get", "list", "watch"], [Core], ["pods"]),
            Rule(["create"], [Core], ["bindings", "pods/binding"]),
            Rule(["patch", "update"], [Core], ["pods/status"]),
            Rule(Read, [Core], ["replicationcontrollers", "services"]),
            Rule(Read, [Apps, Extensions], ["replicasets"]),
            Rule(Read, [Apps], ["statefulsets"]),
            Rule(Read, [Policy], ["poddisruptionbudgets"]),
            Rule(Read, [Core], ["persistentvolumeclaims", "persistentvolumes"]),
            Rule(["create"], [AuthenticationGroup], ["tokenreviews"]),
            Rule(["create"], [AuthorizationGroup], ["subjectaccessreviews"]),
            Rule(Read, [StorageGroup], ["csinodes"]),
            Rule(Read, [Core], ["namespaces"]),
            Rule(Read, [StorageGroup], ["csidrivers", "csistoragecapacities"]),
        ]),
        Role("system:volume-scheduler",
        [
            Rule(ReadUpdate, [Core], ["persistentvolumes"]),
            Rule(Read, [StorageGroup], ["storageclasses"]),
            Rule(ReadUpdate, [Core], ["persistentvolumeclaims"]),
        ]),
        Role("system:service-account-issuer-discovery",
            [Urls(["get"], "/.well-known/openid-configuration", "/.well-known/openid-configuration/", "/openid/v1/jwks", "/openid/v1/jwks/")]),
    ];

    public static IReadOnlyList<ClusterRoleBinding> ClusterRoleBindings() =>
    [
        Binding("cluster-admin", Group("system:masters")),
        Binding("system:monitoring", Group("system:monitoring")),
        Binding("system:discovery", Group("system:authenticated")),
        Binding("system:basic-user", Group("system:authenticated")),
        Binding("system:public-info-viewer", Group("system:authenticated"), Group("system:unauthenticated")),
        Binding("system:node-proxier", User("system:kube-proxy")),
        Binding("system:kube-controller-manager", User("system:kube-controller-manager")),
        Binding("system:kube-dns", new Subject { Kind = "ServiceAccount", Name = "kube-dns", Namespace = "kube-system" }),
        Binding("system:kube-scheduler", User("system:kube-scheduler")),
        Binding("system:volume-scheduler", User("system:kube-scheduler")),
        // Bound to no one: node agents are authorized by the Node authorizer, as upstream since 1.8.
        Binding("system:node"),
        Binding("system:service-account-issuer-discovery", Group("system:serviceaccounts")),
    ];

    private static readonly string[] ReadUpdate = ["get", "list", "watch", "update", "patch"];

    private static List<PolicyRule> NodeRules() =>
    [
        Rule(["create"], [AuthenticationGroup], ["tokenreviews"]),
        Rule(["create"], [AuthorizationGroup], ["localsubjectaccessreviews", "subjectaccessreviews"]),
        Rule(Read, [Core], ["services"]),
        Rule(["create", "get", "list", "watch"], [Core], ["nodes"]),
        Rule(["patch", "update"], [Core], ["nodes/status"]),
        Rule(["patch", "update"], [Core], ["nodes"]),
        Rule(["create", "patch", "update"], [Core, Events], ["events"]),
        Rule(Read, [Core], ["pods"]),
        Rule(["create", "delete"], [Core], ["pods"]),
        Rule(["patch", "update"], [Core], ["pods/status"]),
        Rule(["create"], [Core], ["pods/eviction"]),
        Rule(Read, [Core], ["configmaps", "secrets"]),
        Rule(["get"], [Core], ["persistentvolumeclaims", "persistentvolumes"]),
        Rule(["get"], [Core], ["endpoints"]),
        Rule(["create", "get", "list", "watch"], [Certificates], ["certificatesigningrequests"]),
        Rule(["create", "delete", "get", "patch", "update"], [Coordination], ["leases"]),
        Rule(["get"], [StorageGroup], ["volumeattachments"]),
        Rule(["create"], [Core], ["serviceaccounts/token"]),
        Rule(["get", "patch", "update"], [Core], ["persistentvolumeclaims/status"]),
        Rule(Read, [StorageGroup], ["csidrivers"]),
        Rule(["create", "delete", "get", "patch", "update"], [StorageGroup], ["csinodes"]),
        Rule(Read, [NodeGroup], ["runtimeclasses"]),
    ];

    private static PolicyRule Rule(string[] verbs, string[] groups, string[] resources, string[]? names = null) =>
        new() { Verbs = [.. verbs], ApiGroups = [.. groups], Resources = [.. resources], ResourceNames = names is null ? null : [.. names] };

    private static PolicyRule Urls(string[] verbs, params string[] urls) => new() { Verbs = [.. verbs], NonResourceURLs = [.. urls] };

    private static ClusterRole Role(string name, List<PolicyRule> rules, Dictionary<string, string>? labels = null) =>
        new() { Metadata = Metadata(name, labels), Rules = rules };

    private static ClusterRole Aggregated(string name, string selectorLabel, Dictionary<string, string>? labels = null) => new()
    {
        Metadata = Metadata(name, labels),
        AggregationRule = new AggregationRule { ClusterRoleSelectors = [new LabelSelector { MatchLabels = new Dictionary<string, string> { [selectorLabel] = "true" } }] },
        Rules = [],
    };

    private static ClusterRoleBinding Binding(string role, params Subject[] subjects) => new()
    {
        Metadata = Metadata(role, null),
        RoleRef = new RoleRef { ApiGroup = Rbac, Kind = "ClusterRole", Name = role },
        Subjects = subjects.Length == 0 ? null : [.. subjects],
    };

    private static Subject Group(string name) => new() { Kind = "Group", ApiGroup = Rbac, Name = name };

    private static Subject User(string name) => new() { Kind = "User", ApiGroup = Rbac, Name = name };

    private static ObjectMeta Metadata(string name, Dictionary<string, string>? labels)
    {
        var all = new Dictionary<string, string>(labels ?? []) { [BootstrappingLabel] = "rbac-defaults" };
        return new ObjectMeta { Name = name, Labels = all, Annotations = new Dictionary<string, string> { [AutoUpdateAnnotation] = "true" } };
    }
}
