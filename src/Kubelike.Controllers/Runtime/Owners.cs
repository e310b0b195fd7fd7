using Kubelike.Api;
using Kubelike.Api.Meta.V1;

namespace Kubelike.Controllers.Runtime;

/// <summary>Owner references as controllers write and read them.</summary>
public static class Owners
{
    public static OwnerReference ControllerReference(IKubernetesObject owner, string apiVersion, string kind) => new()
    {
        ApiVersion = apiVersion,
        Kind = kind,
        Name = owner.Metadata!.Name,
        Uid = owner.Metadata.Uid,
        Controller = true,
        BlockOwnerDeletion = true,
    };

    public static OwnerReference? Controller(IKubernetesObject obj) =>
        obj.Metadata?.OwnerReferences?.FirstOrDefault(o => o.Controller == true);

    public static bool IsBeingDeleted(IKubernetesObject obj) => obj.Metadata?.DeletionTimestamp is not null;

    /// <summary>A deep copy through JSON, so cached objects are never modified.</summary>
    public static T Clone<T>(T obj) => KubernetesJson.Deserialize<T>(KubernetesJson.Serialize(obj))!;
}
