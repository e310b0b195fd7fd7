using System.Text.Json.Serialization;
using Kubelike.Api.Primitives;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("PodSpec is a description of a pod.")]
public class PodSpec
{
    [JsonPropertyName("volumes")]
    [ProtoField(1)]
    [PatchStrategy("merge,retainKeys")]
    [PatchMergeKey("name")]
    [ListType("map")]
    [ListMapKeys("name")]
    [Description("List of volumes that can be mounted by containers belonging to the pod. More info: https://kubernetes.io/docs/concepts/storage/volumes")]
    public IList<Volume>? Volumes { get; set; }

    [JsonPropertyName("initContainers")]
    [ProtoField(20)]
    [PatchStrategy("merge")]
    [PatchMergeKey("name")]
    [ListType("map")]
    [ListMapKeys("name")]
    [Description("List of initialization containers belonging to the pod. Init containers are executed in order prior to containers being started. If any init container fails, the pod is considered to have failed and is handled according to its restartPolicy. The name for an init container or normal container must be unique among all containers. Init containers may not have Lifecycle actions, Readiness probes, Liveness probes, or Startup probes. The resourceRequirements of an init container are taken into account during scheduling by finding the highest request/limit for each resource type, and then using the max of that value or the sum of the normal containers. Limits are applied to init containers in a similar fashion. Init containers cannot currently be added or removed. Cannot be updated. More info: https://kubernetes.io/docs/concepts/workloads/pods/init-containers/")]
    public IList<Container>? InitContainers { get; set; }

    [JsonPropertyName("containers")]
    [ProtoField(2)]
    [Required]
    [PatchStrategy("merge")]
    [PatchMergeKey("name")]
    [ListType("map")]
    [ListMapKeys("name")]
    [Description("List of containers belonging to the pod. Containers cannot currently be added or removed. There must be at least one container in a Pod. Cannot be updated.")]
    public IList<Container>? Containers { get; set; }

    [JsonPropertyName("ephemeralContainers")]
    [ProtoField(34)]
    [PatchStrategy("merge")]
    [PatchMergeKey("name")]
    [ListType("map")]
    [ListMapKeys("name")]
    [Description("List of ephemeral containers run in this pod. Ephemeral containers may be run in an existing pod to perform user-initiated actions such as debugging. This list cannot be specified when creating a pod, and it cannot be modified by updating the pod spec. In order to add an ephemeral container to an existing pod, use the pod's ephemeralcontainers subresource.")]
    public IList<EphemeralContainer>? EphemeralContainers { get; set; }

    [JsonPropertyName("restartPolicy")]
    [OmitEmpty]
    [ProtoField(3)]
    [EnumValues("Always", "OnFailure", "Never")]
    [Description("Restart policy for all containers within the pod. One of Always, OnFailure, Never. In some contexts, only a subset of those values may be permitted. Default to Always. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy")]
    public string? RestartPolicy { get; set; }

    [JsonPropertyName("terminationGracePeriodSeconds")]
    [ProtoField(4)]
    [Description("Optional duration in seconds the pod needs to terminate gracefully. May be decreased in delete request. Value must be non-negative integer. The value zero indicates stop immediately via the kill signal (no opportunity to shut down). If this value is nil, the default grace period will be used instead. The grace period is the duration in seconds after the processes running in the pod are sent a termination signal and the time when the processes are forcibly halted with a kill signal. Set this value longer than the expected cleanup time for your process. Defaults to 30 seconds.")]
    public long? TerminationGracePeriodSeconds { get; set; }

    [JsonPropertyName("activeDeadlineSeconds")]
    [ProtoField(5)]
    [Description("Optional duration in seconds the pod may be active on the node relative to StartTime before the system will actively try to mark it failed and kill associated containers. Value must be a positive integer.")]
    public long? ActiveDeadlineSeconds { get; set; }

    [JsonPropertyName("dnsPolicy")]
    [OmitEmpty]
    [ProtoField(6)]
    [EnumValues("ClusterFirstWithHostNet", "ClusterFirst", "Default", "None")]
    [Description("Set DNS policy for the pod. Defaults to \"ClusterFirst\". Valid values are 'ClusterFirstWithHostNet', 'ClusterFirst', 'Default' or 'None'. DNS parameters given in DNSConfig will be merged with the policy selected with DNSPolicy. To have DNS options set along with hostNetwork, you have to specify DNS policy explicitly to 'ClusterFirstWithHostNet'.")]
    public string? DnsPolicy { get; set; }

    [JsonPropertyName("nodeSelector")]
    [ProtoField(7)]
    [MapType("atomic")]
    [Description("NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node's labels for the pod to be scheduled on that node. More info: https://kubernetes.io/docs/concepts/configuration/assign-pod-node/")]
    public IDictionary<string, string>? NodeSelector { get; set; }

    [JsonPropertyName("serviceAccountName")]
    [OmitEmpty]
    [ProtoField(8)]
    [Description("ServiceAccountName is the name of the ServiceAccount to use to run this pod. More info: https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/")]
    public string? ServiceAccountName { get; set; }

    [JsonPropertyName("serviceAccount")]
    [OmitEmpty]
    [ProtoField(9)]
    [Description("DeprecatedServiceAccount is a deprecated alias for ServiceAccountName. Deprecated: Use serviceAccountName instead.")]
    public string? ServiceAccount { get; set; }

    [JsonPropertyName("automountServiceAccountToken")]
    [ProtoField(21)]
    [Description("AutomountServiceAccountToken indicates whether a service account token should be automatically mounted.")]
    public bool? AutomountServiceAccountToken { get; set; }

    [JsonPropertyName("nodeName")]
    [OmitEmpty]
    [ProtoField(10)]
    [Description("NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName. Once this field is set, the kubelet for this node becomes responsible for the lifecycle of this pod. This field should not be used to express a desire for the pod to be scheduled on a specific node. https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename")]
    public string? NodeName { get; set; }

    [JsonPropertyName("hostNetwork")]
    [OmitEmpty]
    [ProtoField(11)]
    [Description("Host networking requested for this pod. Use the host's network namespace. If this option is set, the ports that will be used must be specified. Default to false.")]
    public bool? HostNetwork { get; set; }

    [JsonPropertyName("hostPID")]
    [OmitEmpty]
    [ProtoField(12)]
    [Description("Use the host's pid namespace. Optional: Default to false.")]
    public bool? HostPID { get; set; }

    [JsonPropertyName("hostIPC")]
    [OmitEmpty]
    [ProtoField(13)]
    [Description("Use the host's ipc namespace. Optional: Default to false.")]
    public bool? HostIPC { get; set; }

    [JsonPropertyName("shareProcessNamespace")]
    [ProtoField(27)]
    [Description("Share a single process namespace between all of the containers in a pod. When this is set containers will be able to view and signal processes from other containers in the same pod, and the first process in each container will not be assigned PID 1. HostPID and ShareProcessNamespace cannot both be set. Optional: Default to false.")]
    public bool? ShareProcessNamespace { get; set; }

    [JsonPropertyName("securityContext")]
    [ProtoField(14)]
    [Description("SecurityContext holds pod-level security attributes and common container settings. Optional: Defaults to empty.  See type description for default values of each field.")]
    public PodSecurityContext? SecurityContext { get; set; }

    [JsonPropertyName("imagePullSecrets")]
    [ProtoField(15)]
    [PatchStrategy("merge")]
    [PatchMergeKey("name")]
    [ListType("map")]
    [ListMapKeys("name")]
    [Description("ImagePullSecrets is an optional list of references to secrets in the same namespace to use for pulling any of the images used by this PodSpec. If specified, these secrets will be passed to individual puller implementations for them to use. More info: https://kubernetes.io/docs/concepts/containers/images#specifying-imagepullsecrets-on-a-pod")]
    public IList<LocalObjectReference>? ImagePullSecrets { get; set; }

    [JsonPropertyName("hostname")]
    [OmitEmpty]
    [ProtoField(16)]
    [Description("Specifies the hostname of the Pod If not specified, the pod's hostname will be set to a system-defined value.")]
    public string? Hostname { get; set; }

    [JsonPropertyName("subdomain")]
    [OmitEmpty]
    [ProtoField(17)]
    [Description("If specified, the fully qualified Pod hostname will be \"<hostname>.<subdomain>.<pod namespace>.svc.<cluster domain>\". If not specified, the pod will not have a domainname at all.")]
    public string? Subdomain { get; set; }

    [JsonPropertyName("affinity")]
    [ProtoField(18)]
    [Description("If specified, the pod's scheduling constraints")]
    public Affinity? Affinity { get; set; }

    [JsonPropertyName("schedulerName")]
    [OmitEmpty]
    [ProtoField(19)]
    [Description("If specified, the pod will be dispatched by specified scheduler. If not specified, the pod will be dispatched by default scheduler.")]
    public string? SchedulerName { get; set; }

    [JsonPropertyName("tolerations")]
    [ProtoField(22)]
    [ListType("atomic")]
    [Description("If specified, the pod's tolerations.")]
    public IList<Toleration>? Tolerations { get; set; }

    [JsonPropertyName("hostAliases")]
    [ProtoField(23)]
    [PatchStrategy("merge")]
    [PatchMergeKey("ip")]
    [ListType("map")]
    [ListMapKeys("ip")]
    [Description("HostAliases is an optional list of hosts and IPs that will be injected into the pod's hosts file if specified.")]
    public IList<HostAlias>? HostAliases { get; set; }

    [JsonPropertyName("priorityClassName")]
    [OmitEmpty]
    [ProtoField(24)]
    [Description("If specified, indicates the pod's priority. \"system-node-critical\" and \"system-cluster-critical\" are two special keywords which indicate the highest priorities with the former being the highest priority. Any other name must be defined by creating a PriorityClass object with that name. If not specified, the pod priority will be default or zero if there is no default.")]
    public string? PriorityClassName { get; set; }

    [JsonPropertyName("priority")]
    [ProtoField(25)]
    [Description("The priority value. Various system components use this field to find the priority of the pod. When Priority Admission Controller is enabled, it prevents users from setting this field. The admission controller populates this field from PriorityClassName. The higher the value, the higher the priority.")]
    public int? Priority { get; set; }

    [JsonPropertyName("dnsConfig")]
    [ProtoField(26)]
    [Description("Specifies the DNS parameters of a pod. Parameters specified here will be merged to the generated DNS configuration based on DNSPolicy.")]
    public PodDNSConfig? DnsConfig { get; set; }

    [JsonPropertyName("readinessGates")]
    [ProtoField(28)]
    [ListType("atomic")]
    [Description("If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to \"True\" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates")]
    public IList<PodReadinessGate>? ReadinessGates { get; set; }

    [JsonPropertyName("runtimeClassName")]
    [ProtoField(29)]
    [Description("RuntimeClassName refers to a RuntimeClass object in the node.k8s.io group, which should be used to run this pod.  If no RuntimeClass resource matches the named class, the pod will not be run. If unset or empty, the \"legacy\" RuntimeClass will be used, which is an implicit class with an empty definition that uses the default runtime handler. More info: https://git.k8s.io/enhancements/keps/sig-node/585-runtime-class")]
    public string? RuntimeClassName { get; set; }

    [JsonPropertyName("enableServiceLinks")]
    [ProtoField(30)]
    [Description("EnableServiceLinks indicates whether information about services should be injected into pod's environment variables, matching the syntax of Docker links. Optional: Defaults to true.")]
    public bool? EnableServiceLinks { get; set; }

    [JsonPropertyName("preemptionPolicy")]
    [ProtoField(31)]
    [EnumValues("PreemptLowerPriority", "Never")]
    [Description("PreemptionPolicy is the Policy for preempting pods with lower priority. One of Never, PreemptLowerPriority. Defaults to PreemptLowerPriority if unset.")]
    public string? PreemptionPolicy { get; set; }

    [JsonPropertyName("overhead")]
    [ProtoField(32)]
    [Description("Overhead represents the resource overhead associated with running a pod for a given RuntimeClass. This field will be autopopulated at admission time by the RuntimeClass admission controller. If the RuntimeClass admission controller is enabled, overhead must not be set in Pod create requests. The RuntimeClass admission controller will reject Pod create requests which have the overhead already set. If RuntimeClass is configured and selected in the PodSpec, Overhead will be set to the value defined in the corresponding RuntimeClass, otherwise it will remain unset and treated as zero. More info: https://git.k8s.io/enhancements/keps/sig-node/688-pod-overhead/README.md")]
    public IDictionary<string, Quantity>? Overhead { get; set; }

    [JsonPropertyName("topologySpreadConstraints")]
    [ProtoField(33)]
    [PatchStrategy("merge")]
    [PatchMergeKey("topologyKey")]
    [ListType("map")]
    [ListMapKeys("topologyKey", "whenUnsatisfiable")]
    [Description("TopologySpreadConstraints describes how a group of pods ought to spread across topology domains. Scheduler will schedule pods in a way which abides by the constraints. All topologySpreadConstraints are ANDed.")]
    public IList<TopologySpreadConstraint>? TopologySpreadConstraints { get; set; }

    [JsonPropertyName("setHostnameAsFQDN")]
    [ProtoField(35)]
    [Description("If true the pod's hostname will be configured as the pod's FQDN, rather than the leaf name (the default). In Linux containers, this means setting the FQDN in the hostname field of the kernel (the nodename field of struct utsname). In Windows containers, this means setting the registry value of hostname for the registry key HKEY_LOCAL_MACHINE\\\\SYSTEM\\\\CurrentControlSet\\\\Services\\\\Tcpip\\\\Parameters to FQDN. If a pod does not have FQDN, this has no effect. Default to false.")]
    public bool? SetHostnameAsFQDN { get; set; }

    [JsonPropertyName("os")]
    [ProtoField(36)]
    [Description("Specifies the OS of the containers in the pod. Some pod and container fields are restricted if this is set.\n\nIf the OS field is set to linux, the following fields must be unset: -securityContext.windowsOptions\n\nIf the OS field is set to windows, following fields must be unset: - spec.hostPID - spec.hostIPC - spec.hostUsers - spec.securityContext.appArmorProfile - spec.securityContext.seLinuxOptions - spec.securityContext.seccompProfile - spec.securityContext.fsGroup - spec.securityContext.fsGroupChangePolicy - spec.securityContext.sysctls - spec.shareProcessNamespace - spec.securityContext.runAsUser - spec.securityContext.runAsGroup - spec.securityContext.supplementalGroups - spec.securityContext.supplementalGroupsPolicy - spec.containers[*].securityContext.appArmorProfile - spec.containers[*].securityContext.seLinuxOptions - spec.containers[*].securityContext.seccompProfile - spec.containers[*].securityContext.capabilities - spec.containers[*].securityContext.readOnlyRootFilesystem - spec.containers[*].securityContext.privileged - spec.containers[*].securityContext.allowPrivilegeEscalation - spec.containers[*].securityContext.procMount - spec.containers[*].securityContext.runAsUser - spec.containers[*].securityContext.runAsGroup")]
    public PodOS? Os { get; set; }

    [JsonPropertyName("hostUsers")]
    [ProtoField(37)]
    [Description("Use the host's user namespace. Optional: Default to true. If set to true or not present, the pod will be run in the host user namespace, useful for when the pod needs a feature only available to the host user namespace, such as loading a kernel module with CAP_SYS_MODULE. When set to false, a new userns is created for the pod. Setting false is useful for mitigating container breakout vulnerabilities even allowing users to run their containers as root without actually having root privileges on the host. This field is alpha-level and is only honored by servers that enable the UserNamespacesSupport feature.")]
    public bool? HostUsers { get; set; }

    [JsonPropertyName("schedulingGates")]
    [ProtoField(38)]
    [PatchStrategy("merge")]
    [PatchMergeKey("name")]
    [ListType("map")]
    [ListMapKeys("name")]
    [Description("SchedulingGates is an opaque list of values that if specified will block scheduling the pod. If schedulingGates is not empty, the pod will stay in the SchedulingGated state and the scheduler will not attempt to schedule the pod.\n\nSchedulingGates can only be set at pod creation time, and be removed only afterwards.")]
    public IList<PodSchedulingGate>? SchedulingGates { get; set; }

    [JsonPropertyName("resourceClaims")]
    [ProtoField(39)]
    [PatchStrategy("merge,retainKeys")]
    [PatchMergeKey("name")]
    [ListType("map")]
    [ListMapKeys("name")]
    [Description("ResourceClaims defines which ResourceClaims must be allocated and reserved before the Pod is allowed to start. The resources will be made available to those containers which consume them by name.\n\nThis is an alpha field and requires enabling the DynamicResourceAllocation feature gate.\n\nThis field is immutable.")]
    public IList<PodResourceClaim>? ResourceClaims { get; set; }

    [JsonPropertyName("resources")]
    [ProtoField(40)]
    [Description("Resources is the total amount of CPU and Memory resources required by all containers in the pod. It supports specifying Requests and Limits for \"cpu\" and \"memory\" resource names only. ResourceClaims are not supported.\n\nThis field enables fine-grained control over resource allocation for the entire pod, allowing resource sharing among containers in a pod.\n\nThis is an alpha field and requires enabling the PodLevelResources feature gate.")]
    public ResourceRequirements? Resources { get; set; }
}
