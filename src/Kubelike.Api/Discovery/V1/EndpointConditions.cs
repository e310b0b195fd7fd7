using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Discovery.V1;

[Description("EndpointConditions represents the current condition of an endpoint.")]
public class EndpointConditions
{
    [JsonPropertyName("ready")]
    [ProtoField(1)]
    [Description("ready indicates that this endpoint is ready to receive traffic, according to whatever system is managing the endpoint. A nil value should be interpreted as \"true\". In general, an endpoint should be marked ready if it is serving and not terminating, though this can be overridden in some cases, such as when the associated Service has set the publishNotReadyAddresses flag.")]
    public bool? Ready { get; set; }

    [JsonPropertyName("serving")]
    [ProtoField(2)]
    [Description("serving indicates that this endpoint is able to receive traffic, according to whatever system is managing the endpoint. For endpoints backed by pods, the EndpointSlice controller will mark the endpoint as serving if the pod's Ready condition is True. A nil value should be interpreted as \"true\".")]
    public bool? Serving { get; set; }

    [JsonPropertyName("terminating")]
    [ProtoField(3)]
    [Description("terminating indicates that this endpoint is terminating. A nil value should be interpreted as \"false\".")]
    public bool? Terminating { get; set; }
}
