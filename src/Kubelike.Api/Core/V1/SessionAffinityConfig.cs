using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("SessionAffinityConfig represents the configurations of session affinity.")]
public class SessionAffinityConfig
{
    [JsonPropertyName("clientIP")]
    [ProtoField(1)]
    [Description("clientIP contains the configurations of Client IP based session affinity.")]
    public ClientIPConfig? ClientIP { get; set; }
}
