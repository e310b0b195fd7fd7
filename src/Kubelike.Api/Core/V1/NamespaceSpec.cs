using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("NamespaceSpec describes the attributes on a Namespace.")]
public class NamespaceSpec
{
    [JsonPropertyName("finalizers")]
    [ProtoField(1)]
    [ListType("atomic")]
    [Description("Finalizers is an opaque list of values that must be empty to permanently remove object from storage. More info: https://kubernetes.io/docs/tasks/administer-cluster/namespaces/")]
    public IList<string>? Finalizers { get; set; }
}
