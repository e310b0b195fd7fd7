using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("ExecAction describes a \"run in container\" action.")]
public class ExecAction
{
    [JsonPropertyName("command")]
    [ProtoField(1)]
    [ListType("atomic")]
    [Description("Command is the command line to execute inside the container, the working directory for the command  is root ('/') in the container's filesystem. The command is simply exec'd, it is not run inside a shell, so traditional shell instructions ('|', etc) won't work. To use a shell, you need to explicitly call out to that shell. Exit status of 0 is treated as live/healthy and non-zero is unhealthy.")]
    public IList<string>? Command { get; set; }
}
