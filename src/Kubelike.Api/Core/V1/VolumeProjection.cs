using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Core.V1;

[Description("Projection that may be projected along with other supported volume types. Exactly one of these fields must be set.")]
public class VolumeProjection
{
    [JsonPropertyName("secret")]
    [ProtoField(1)]
    [Description("secret information about the secret data to project")]
    public SecretProjection? Secret { get; set; }

    [JsonPropertyName("downwardAPI")]
    [ProtoField(2)]
    [Description("downwardAPI information about the downwardAPI data to project")]
    public DownwardAPIProjection? DownwardAPI { get; set; }

    [JsonPropertyName("configMap")]
    [ProtoField(3)]
    [Description("configMap information about the configMap data to project")]
    public ConfigMapProjection? ConfigMap { get; set; }

    [JsonPropertyName("serviceAccountToken")]
    [ProtoField(4)]
    [Description("serviceAccountToken is information about the serviceAccountToken data to project")]
    public ServiceAccountTokenProjection? ServiceAccountToken { get; set; }

    [JsonPropertyName("clusterTrustBundle")]
    [ProtoField(5)]
    [Description("ClusterTrustBundle allows a pod to access the `.spec.trustBundle` field of ClusterTrustBundle objects in an auto-updating file.\n\nAlpha, gated by the ClusterTrustBundleProjection feature gate.\n\nClusterTrustBundle objects can either be selected by name, or by the combination of signer name and a label selector.\n\nKubelet performs aggressive normalization of the PEM contents written into the pod filesystem.  Esoteric PEM features such as inter-block comments and block headers are stripped.  Certificates are deduplicated. The ordering of certificates within the file is arbitrary, and Kubelet may change the order over time.")]
    public ClusterTrustBundleProjection? ClusterTrustBundle { get; set; }
}
