using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("Probe describes a health check to be performed against a container to determine whether it is alive or ready to receive traffic.")]
[ProtoEmbeddedBase(1)]
public class Probe : ProbeHandler
{
    [JsonPropertyName("initialDelaySeconds")]
    [OmitEmpty]
    [ProtoField(2)]
    [Description("Number of seconds after the container has started before liveness probes are initiated. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes")]
    public int? InitialDelaySeconds { get; set; }

    [JsonPropertyName("timeoutSeconds")]
    [OmitEmpty]
    [ProtoField(3)]
    [Description("Number of seconds after which the probe times out. Defaults to 1 second. Minimum value is 1. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes")]
    public int? TimeoutSeconds { get; set; }

    [JsonPropertyName("periodSeconds")]
    [OmitEmpty]
    [ProtoField(4)]
    [Description("How often (in seconds) to perform the probe. Default to 10 seconds. Minimum value is 1.")]
    public int? PeriodSeconds { get; set; }

    [JsonPropertyName("successThreshold")]
    [OmitEmpty]
    [ProtoField(5)]
    [Description("Minimum consecutive successes for the probe to be considered successful after having failed. Defaults to 1. Must be 1 for liveness and startup. Minimum value is 1.")]
    public int? SuccessThreshold { get; set; }

    [JsonPropertyName("failureThreshold")]
    [OmitEmpty]
    [ProtoField(6)]
    [Description("Minimum consecutive failures for the probe to be considered failed after having succeeded. Defaults to 3. Minimum value is 1.")]
    public int? FailureThreshold { get; set; }

    [JsonPropertyName("terminationGracePeriodSeconds")]
    [ProtoField(7)]
    [Description("Optional duration in seconds the pod needs to terminate gracefully upon probe failure. The grace period is the duration in seconds after the processes running in the pod are sent a termination signal and the time when the processes are forcibly halted with a kill signal. Set this value longer than the expected cleanup time for your process. If this value is nil, the pod's terminationGracePeriodSeconds will be used. Otherwise, this value overrides the value provided by the pod spec. Value must be non-negative integer. The value zero indicates stop immediately via the kill signal (no opportunity to shut down). This is a beta field and requires enabling ProbeTerminationGracePeriod feature gate. Minimum value is 1. spec.terminationGracePeriodSeconds is used if unset.")]
    public long? TerminationGracePeriodSeconds { get; set; }
}
