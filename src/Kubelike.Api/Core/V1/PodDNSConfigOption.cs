using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("PodDNSConfigOption defines DNS resolver options of a pod.")]
public class PodDNSConfigOption
{
    [JsonPropertyName("name")]
    [OmitEmpty]
    [ProtoField(1)]
    [Description("Name is this DNS resolver option's name. Required.")]
    public string? Name { get; set; }

    [JsonPropertyName("value")]
    [ProtoField(2)]
    [Description("Value is this DNS resolver option's value.")]
    public string? Value { get; set; }
}
