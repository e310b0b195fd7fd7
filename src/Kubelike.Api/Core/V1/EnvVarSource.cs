using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("EnvVarSource represents a source for the value of an EnvVar.")]
public class EnvVarSource
{
    [JsonPropertyName("fieldRef")]
    [ProtoField(1)]
    [Description("Selects a field of the pod: supports metadata.name, metadata.namespace, `metadata.labels['<KEY>']`, `metadata.annotations['<KEY>']`, spec.nodeName, spec.serviceAccountName, status.hostIP, status.podIP, status.podIPs.")]
    public ObjectFieldSelector? FieldRef { get; set; }

    [JsonPropertyName("resourceFieldRef")]
    [ProtoField(2)]
    [Description("Selects a resource of the container: only resources limits and requests (limits.cpu, limits.memory, limits.ephemeral-storage, requests.cpu, requests.memory and requests.ephemeral-storage) are currently supported.")]
    public ResourceFieldSelector? ResourceFieldRef { get; set; }

    [JsonPropertyName("configMapKeyRef")]
    [ProtoField(3)]
    [Description("Selects a key of a ConfigMap.")]
    public ConfigMapKeySelector? ConfigMapKeyRef { get; set; }

    [JsonPropertyName("secretKeyRef")]
    [ProtoField(4)]
    [Description("Selects a key of a secret in the pod's namespace")]
    public SecretKeySelector? SecretKeyRef { get; set; }
}
