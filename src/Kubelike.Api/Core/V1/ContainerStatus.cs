using System.Text.Json.Serialization;
using Kubelike.Api.Primitives;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("ContainerStatus contains details for the current status of this container.")]
public class ContainerStatus
{
    [JsonPropertyName("name")]
    [ProtoField(1)]
    [Required]
    [Description("Name is a DNS_LABEL representing the unique name of the container. Each container in a pod must have a unique name across all container types. Cannot be updated.")]
    public string? Name { get; set; }

    [JsonPropertyName("state")]
    [ProtoField(2)]
    [Description("State holds details about the container's current condition.")]
    public ContainerState? State { get; set; }

    [JsonPropertyName("lastState")]
    [ProtoField(3)]
    [Description("LastTerminationState holds the last termination state of the container to help debug container crashes and restarts. This field is not populated if the container is still running and RestartCount is 0.")]
    public ContainerState? LastState { get; set; }

    [JsonPropertyName("ready")]
    [ProtoField(4)]
    [Required]
    [Description("Ready specifies whether the container is currently passing its readiness check. The value will change as readiness probes keep executing. If no readiness probes are specified, this field defaults to true once the container is fully started (see Started field).\n\nThe value is typically used to determine whether a container is ready to accept traffic.")]
    public bool? Ready { get; set; }

    [JsonPropertyName("restartCount")]
    [ProtoField(5)]
    [Required]
    [Description("RestartCount holds the number of times the container has been restarted. Kubelet makes an effort to always increment the value, but there are cases when the state may be lost due to node restarts and then the value may be reset to 0. The value is never negative.")]
    public int? RestartCount { get; set; }

    [JsonPropertyName("image")]
    [ProtoField(6)]
    [Required]
    [Description("Image is the name of container image that the container is running. The container image may not match the image used in the PodSpec, as it may have been resolved by the runtime. More info: https://kubernetes.io/docs/concepts/containers/images.")]
    public string? Image { get; set; }

    [JsonPropertyName("imageID")]
    [ProtoField(7)]
    [Required]
    [Description("ImageID is the image ID of the container's image. The image ID may not match the image ID of the image used in the PodSpec, as it may have been resolved by the runtime.")]
    public string? ImageID { get; set; }

    [JsonPropertyName("containerID")]
    [OmitEmpty]
    [ProtoField(8)]
    [Description("ContainerID is the ID of the container in the format '<type>://<container_id>'. Where type is a container runtime identifier, returned from Version call of CRI API (for example \"containerd\").")]
    public string? ContainerID { get; set; }

    [JsonPropertyName("started")]
    [ProtoField(9)]
    [Description("Started indicates whether the container has finished its postStart lifecycle hook and passed its startup probe. Initialized as false, becomes true after startupProbe is considered successful. Resets to false when the container is restarted, or if kubelet loses state temporarily. In both cases, startup probes will run again. Is always true when no startupProbe is defined and container is running and has passed the postStart lifecycle hook. The null value must be treated the same as false.")]
    public bool? Started { get; set; }

    [JsonPropertyName("allocatedResources")]
    [ProtoField(10)]
    [Description("AllocatedResources represents the compute resources allocated for this container by the node. Kubelet sets this value to Container.Resources.Requests upon successful pod admission and after successfully admitting desired pod resize.")]
    public IDictionary<string, Quantity>? AllocatedResources { get; set; }

    [JsonPropertyName("resources")]
    [ProtoField(11)]
    [Description("Resources represents the compute resource requests and limits that have been successfully enacted on the running container after it has been started or has been successfully resized.")]
    public ResourceRequirements? Resources { get; set; }

    [JsonPropertyName("volumeMounts")]
    [ProtoField(12)]
    [PatchStrategy("merge")]
    [PatchMergeKey("mountPath")]
    [ListType("map")]
    [ListMapKeys("mountPath")]
    [Description("Status of volume mounts.")]
    public IList<VolumeMountStatus>? VolumeMounts { get; set; }

    [JsonPropertyName("user")]
    [ProtoField(13)]
    [Description("User represents user identity information initially attached to the first process of the container")]
    public ContainerUser? User { get; set; }

    [JsonPropertyName("allocatedResourcesStatus")]
    [ProtoField(14)]
    [PatchStrategy("merge")]
    [PatchMergeKey("name")]
    [ListType("map")]
    [ListMapKeys("name")]
    [Description("AllocatedResourcesStatus represents the status of various resources allocated for this Pod.")]
    public IList<ResourceStatus>? AllocatedResourcesStatus { get; set; }

    [JsonPropertyName("stopSignal")]
    [ProtoField(15)]
    [EnumValues("SIGABRT", "SIGALRM", "SIGBUS", "SIGCHLD", "SIGCLD", "SIGCONT", "SIGFPE", "SIGHUP", "SIGILL", "SIGINT", "SIGIO", "SIGIOT", "SIGKILL", "SIGPIPE", "SIGPOLL", "SIGPROF", "SIGPWR", "SIGQUIT", "SIGSEGV", "SIGSTKFLT", "SIGSTOP", "SIGSYS", "SIGTERM", "SIGTRAP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGUSR1", "SIGUSR2", "SIGVTALRM", "SIGWINCH", "SIGXCPU", "SIGXFSZ", "SIGRTMIN", "SIGRTMIN+1", "SIGRTMIN+2", "SIGRTMIN+3", "SIGRTMIN+4", "SIGRTMIN+5", "SIGRTMIN+6", "SIGRTMIN+7", "SIGRTMIN+8", "SIGRTMIN+9", "SIGRTMIN+10", "SIGRTMIN+11", "SIGRTMIN+12", "SIGRTMIN+13", "SIGRTMIN+14", "SIGRTMIN+15", "SIGRTMAX-14", "SIGRTMAX-13", "SIGRTMAX-12", "SIGRTMAX-11", "SIGRTMAX-10", "SIGRTMAX-9", "SIGRTMAX-8", "SIGRTMAX-7", "SIGRTMAX-6", "SIGRTMAX-5", "SIGRTMAX-4", "SIGRTMAX-3", "SIGRTMAX-2", "SIGRTMAX-1", "SIGRTMAX")]
    [Description("StopSignal reports the effective stop signal for this container")]
    public string? StopSignal { get; set; }
}
