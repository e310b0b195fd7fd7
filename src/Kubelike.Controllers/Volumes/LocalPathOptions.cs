namespace Kubelike.Controllers.Volumes;

/// <summary>
/// The local provisioner: the StorageClass it serves (created at start when missing, the cluster's default unless
/// another class is) and the directory its hostPath volumes go under.
/// </summary>
public sealed record LocalPathOptions(string Directory)
{
    public const string Provisioner = "kubelike.io/local-path";
    public const string DefaultClassName = "local-path";
    public const string DefaultClassAnnotation = "storageclass.kubernetes.io/is-default-class";
    public const string BetaDefaultClassAnnotation = "storageclass.beta.kubernetes.io/is-default-class";
    public const string ProvisionedByAnnotation = "pv.kubernetes.io/provisioned-by";
}
