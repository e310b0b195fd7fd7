using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("ClientIPConfig represents the configurations of Client IP based session affinity.")]
public class ClientIPConfig
{
    [JsonPropertyName("timeoutSeconds")]
    [ProtoField(1)]
    [Description("timeoutSeconds specifies the seconds of ClientIP type session sticky time. The value must be >0 && <=86400(for 1 day) if ServiceAffinity == \"ClientIP\". Default value is 10800(for 3 hours).")]
    public int? TimeoutSeconds { get; set; }
}
