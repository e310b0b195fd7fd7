using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Networking.V1;

[Description("ServiceBackendPort is the service port being referenced.")]
[StructType("atomic")]
public class ServiceBackendPort
{
    [JsonPropertyName("name")]
    [OmitEmpty]
    [ProtoField(1)]
    [Description("name is the name of the port on the Service. This is a mutually exclusive setting with \"Number\".")]
    public string? Name { get; set; }

    [JsonPropertyName("number")]
    [OmitEmpty]
    [ProtoField(2)]
    [Description("number is the numerical port number (e.g. 80) on the Service. This is a mutually exclusive setting with \"Name\".")]
    public int? Number { get; set; }
}
