using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("SleepAction describes a \"sleep\" action.")]
public class SleepAction
{
    [JsonPropertyName("seconds")]
    [ProtoField(1)]
    [Required]
    [Description("Seconds is the number of seconds to sleep.")]
    public long? Seconds { get; set; }
}
