using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("NodeRuntimeHandlerFeatures is a set of features implemented by the runtime handler.")]
public class NodeRuntimeHandlerFeatures
{
    [JsonPropertyName("recursiveReadOnlyMounts")]
    [ProtoField(1)]
    [Description("RecursiveReadOnlyMounts is set to true if the runtime handler supports RecursiveReadOnlyMounts.")]
    public bool? RecursiveReadOnlyMounts { get; set; }

    [JsonPropertyName("userNamespaces")]
    [ProtoField(2)]
    [Description("UserNamespaces is set to true if the runtime handler supports UserNamespaces, including for volumes.")]
    public bool? UserNamespaces { get; set; }
}
