using System.Text.Json.Serialization;
using Kubelike.Api.Meta.V1;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("ClusterTrustBundleProjection describes how to select a set of ClusterTrustBundle objects and project their contents into the pod filesystem.")]
public class ClusterTrustBundleProjection
{
    [JsonPropertyName("name")]
    [ProtoField(1)]
    [Description("Select a single ClusterTrustBundle by object name.  Mutually-exclusive with signerName and labelSelector.")]
    public string? Name { get; set; }

    [JsonPropertyName("signerName")]
    [ProtoField(2)]
    [Description("Select all ClusterTrustBundles that match this signer name. Mutually-exclusive with name.  The contents of all selected ClusterTrustBundles will be unified and deduplicated.")]
    public string? SignerName { get; set; }

    [JsonPropertyName("labelSelector")]
    [ProtoField(3)]
    [Description("Select all ClusterTrustBundles that match this label selector.  Only has effect if signerName is set.  Mutually-exclusive with name.  If unset, interpreted as \"match nothing\".  If set but empty, interpreted as \"match everything\".")]
    public LabelSelector? LabelSelector { get; set; }

    [JsonPropertyName("optional")]
    [ProtoField(5)]
    [Description("If true, don't block pod startup if the referenced ClusterTrustBundle(s) aren't available.  If using name, then the named ClusterTrustBundle is allowed not to exist.  If using signerName, then the combination of signerName and labelSelector is allowed to match zero ClusterTrustBundles.")]
    public bool? Optional { get; set; }

    [JsonPropertyName("path")]
    [ProtoField(4)]
    [Required]
    [Description("Relative path from the volume root to write the bundle.")]
    public string? Path { get; set; }
}
