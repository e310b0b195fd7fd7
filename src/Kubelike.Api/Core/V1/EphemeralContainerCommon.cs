using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("EphemeralContainerCommon is a copy of all fields in Container to be inlined in EphemeralContainer. This separate type allows easy conversion from EphemeralContainer to Container and allows separate documentation for the fields of EphemeralContainer. When a new field is added to Container it must be added here as well.")]
public class EphemeralContainerCommon
{
    [JsonPropertyName("name")]
    [ProtoField(1)]
    [Required]
    [Description("Name of the ephemeral container specified as a DNS_LABEL. This name must be unique among all containers, init containers and ephemeral containers.")]
    public string? Name { get; set; }

    [JsonPropertyName("image")]
    [OmitEmpty]
    [ProtoField(2)]
    [Description("Container image name. More info: https://kubernetes.io/docs/concepts/containers/images")]
    public string? Image { get; set; }

    [JsonPropertyName("command")]
    [ProtoField(3)]
    [ListType("atomic")]
    [Description("Entrypoint array. Not executed within a shell. The image's ENTRYPOINT is used if this is not provided. Variable references $(VAR_NAME) are expanded using the container's environment. If a variable cannot be resolved, the reference in the input string will be unchanged. Double $$ are reduced to a single $, which allows for escaping the $(VAR_NAME) syntax: i.e. \"$$(VAR_NAME)\" will produce the string literal \"$(VAR_NAME)\". Escaped references will never be expanded, regardless of whether the variable exists or not. Cannot be updated. More info: https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#running-a-command-in-a-shell")]
    public IList<string>? Command { get; set; }

    [JsonPropertyName("args")]
    [ProtoField(4)]
    [ListType("atomic")]
    [Description("Arguments to the entrypoint. The image's CMD is used if this is not provided. Variable references $(VAR_NAME) are expanded using the container's environment. If a variable cannot be resolved, the reference in the input string will be unchanged. Double $$ are reduced to a single $, which allows for escaping the $(VAR_NAME) syntax: i.e. \"$$(VAR_NAME)\" will produce the string literal \"$(VAR_NAME)\". Escaped references will never be expanded, regardless of whether the variable exists or not. Cannot be updated. More info: https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#running-a-command-in-a-shell")]
    public IList<string>? Args { get; set; }

    [JsonPropertyName("workingDir")]
    [OmitEmpty]
    [ProtoField(5)]
    [Description("Container's working directory. If not specified, the container runtime's default will be used, which might be configured in the container image. Cannot be updated.")]
    public string? WorkingDir { get; set; }

    [JsonPropertyName("ports")]
    [ProtoField(6)]
    [PatchStrategy("merge")]
    [PatchMergeKey("containerPort")]
    [ListType("map")]
    [ListMapKeys("containerPort", "protocol")]
    [Description("Ports are not allowed for ephemeral containers.")]
    public IList<ContainerPort>? Ports { get; set; }

    [JsonPropertyName("envFrom")]
    [ProtoField(19)]
    [ListType("atomic")]
    [Description("List of sources to populate environment variables in the container. The keys defined within a source must be a C_IDENTIFIER. All invalid keys will be reported as an event when the container is starting. When a key exists in multiple sources, the value associated with the last source will take precedence. Values defined by an Env with a duplicate key will take precedence. Cannot be updated.")]
    public IList<EnvFromSource>? EnvFrom { get; set; }

    [JsonPropertyName("env")]
    [ProtoField(7)]
    [PatchStrategy("merge")]
    [PatchMergeKey("name")]
    [ListType("map")]
    [ListMapKeys("name")]
    [Description("List of environment variables to set in the container. Cannot be updated.")]
    public IList<EnvVar>? Env { get; set; }

    [JsonPropertyName("resources")]
    [ProtoField(8)]
    [Description("Resources are not allowed for ephemeral containers. Ephemeral containers use spare resources already allocated to the pod.")]
    public ResourceRequirements? Resources { get; set; }

    [JsonPropertyName("resizePolicy")]
    [ProtoField(23)]
    [ListType("atomic")]
    [Description("Resources resize policy for the container.")]
    public IList<ContainerResizePolicy>? ResizePolicy { get; set; }

    [JsonPropertyName("restartPolicy")]
    [ProtoField(24)]
    [Description("Restart policy for the container to manage the restart behavior of each container within a pod. This may only be set for init containers. You cannot set this field on ephemeral containers.")]
    public string? RestartPolicy { get; set; }

    [JsonPropertyName("volumeMounts")]
    [ProtoField(9)]
    [PatchStrategy("merge")]
    [PatchMergeKey("mountPath")]
    [ListType("map")]
    [ListMapKeys("mountPath")]
    [Description("Pod volumes to mount into the container's filesystem. Subpath mounts are not allowed for ephemeral containers. Cannot be updated.")]
    public IList<VolumeMount>? VolumeMounts { get; set; }

    [JsonPropertyName("volumeDevices")]
    [ProtoField(21)]
    [PatchStrategy("merge")]
    [PatchMergeKey("devicePath")]
    [ListType("map")]
    [ListMapKeys("devicePath")]
    [Description("volumeDevices is the list of block devices to be used by the container.")]
    public IList<VolumeDevice>? VolumeDevices { get; set; }

    [JsonPropertyName("livenessProbe")]
    [ProtoField(10)]
    [Description("Probes are not allowed for ephemeral containers.")]
    public Probe? LivenessProbe { get; set; }

    [JsonPropertyName("readinessProbe")]
    [ProtoField(11)]
    [Description("Probes are not allowed for ephemeral containers.")]
    public Probe? ReadinessProbe { get; set; }

    [JsonPropertyName("startupProbe")]
    [ProtoField(22)]
    [Description("Probes are not allowed for ephemeral containers.")]
    public Probe? StartupProbe { get; set; }

    [JsonPropertyName("lifecycle")]
    [ProtoField(12)]
    [Description("Lifecycle is not allowed for ephemeral containers.")]
    public Lifecycle? Lifecycle { get; set; }

    [JsonPropertyName("terminationMessagePath")]
    [OmitEmpty]
    [ProtoField(13)]
    [Description("Optional: Path at which the file to which the container's termination message will be written is mounted into the container's filesystem. Message written is intended to be brief final status, such as an assertion failure message. Will be truncated by the node if greater than 4096 bytes. The total message length across all containers will be limited to 12kb. Defaults to /dev/termination-log. Cannot be updated.")]
    public string? TerminationMessagePath { get; set; }

    [JsonPropertyName("terminationMessagePolicy")]
    [OmitEmpty]
    [ProtoField(20)]
    [EnumValues("File", "FallbackToLogsOnError")]
    [Description("Indicate how the termination message should be populated. File will use the contents of terminationMessagePath to populate the container status message on both success and failure. FallbackToLogsOnError will use the last chunk of container log output if the termination message file is empty and the container exited with an error. The log output is limited to 2048 bytes or 80 lines, whichever is smaller. Defaults to File. Cannot be updated.")]
    public string? TerminationMessagePolicy { get; set; }

    [JsonPropertyName("imagePullPolicy")]
    [OmitEmpty]
    [ProtoField(14)]
    [EnumValues("Always", "Never", "IfNotPresent")]
    [Description("Image pull policy. One of Always, Never, IfNotPresent. Defaults to Always if :latest tag is specified, or IfNotPresent otherwise. Cannot be updated. More info: https://kubernetes.io/docs/concepts/containers/images#updating-images")]
    public string? ImagePullPolicy { get; set; }

    [JsonPropertyName("securityContext")]
    [ProtoField(15)]
    [Description("Optional: SecurityContext defines the security options the ephemeral container should be run with. If set, the fields of SecurityContext override the equivalent fields of PodSecurityContext.")]
    public SecurityContext? SecurityContext { get; set; }

    [JsonPropertyName("stdin")]
    [OmitEmpty]
    [ProtoField(16)]
    [Description("Whether this container should allocate a buffer for stdin in the container runtime. If this is not set, reads from stdin in the container will always result in EOF. Default is false.")]
    public bool? Stdin { get; set; }

    [JsonPropertyName("stdinOnce")]
    [OmitEmpty]
    [ProtoField(17)]
    [Description("Whether the container runtime should close the stdin channel after it has been opened by a single attach. When stdin is true the stdin stream will remain open across multiple attach sessions. If stdinOnce is set to true, stdin is opened on container start, is empty until the first client attaches to stdin, and then remains open and accepts data until the client disconnects, at which time stdin is closed and remains closed until the container is restarted. If this flag is false, a container processes that reads from stdin will never receive an EOF. Default is false")]
    public bool? StdinOnce { get; set; }

    [JsonPropertyName("tty")]
    [OmitEmpty]
    [ProtoField(18)]
    [Description("Whether this container should allocate a TTY for itself, also requires 'stdin' to be true. Default is false.")]
    public bool? Tty { get; set; }
}
