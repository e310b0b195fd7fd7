using System.Text.Json.Serialization;
using Kubelike.Api.Primitives;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("HTTPGetAction describes an action based on HTTP Get requests.")]
public class HTTPGetAction
{
    [JsonPropertyName("path")]
    [OmitEmpty]
    [ProtoField(1)]
    [Description("Path to access on the HTTP server.")]
    public string? Path { get; set; }

    [JsonPropertyName("port")]
    [ProtoField(2)]
    [Required]
    [Description("Name or number of the port to access on the container. Number must be in the range 1 to 65535. Name must be an IANA_SVC_NAME.")]
    public IntOrString? Port { get; set; }

    [JsonPropertyName("host")]
    [OmitEmpty]
    [ProtoField(3)]
    [Description("Host name to connect to, defaults to the pod IP. You probably want to set \"Host\" in httpHeaders instead.")]
    public string? Host { get; set; }

    [JsonPropertyName("scheme")]
    [OmitEmpty]
    [ProtoField(4)]
    [EnumValues("HTTP", "HTTPS")]
    [Description("Scheme to use for connecting to the host. Defaults to HTTP.")]
    public string? Scheme { get; set; }

    [JsonPropertyName("httpHeaders")]
    [ProtoField(5)]
    [ListType("atomic")]
    [Description("Custom headers to set in the request. HTTP allows repeated headers.")]
    public IList<HTTPHeader>? HttpHeaders { get; set; }
}
