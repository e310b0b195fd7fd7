using System.Text.Json.Nodes;
using static Kubelike.ApiMachinery.Defaulting.JsonFields;

namespace Kubelike.ApiMachinery.Defaulting;

/// <summary>Defaults of rbac.authorization.k8s.io/v1, storage.k8s.io/v1 and scheduling.k8s.io/v1.</summary>
internal static class ClusterDefaults
{
    private const string RbacGroup = "rbac.authorization.k8s.io";

    /// <summary>RoleBinding/ClusterRoleBinding: the role reference and User/Group subjects are in the RBAC group.</summary>
    public static void ApplyToRoleBinding(JsonObject obj)
    {
        if (GetObject(obj, "roleRef") is { } roleRef)
        {
            SetIfUnsetOrEmpty(roleRef, "apiGroup", RbacGroup);
        }
        foreach (var subject in Items(obj, "subjects"))
        {
            if (!IsUnsetOrEmpty(subject, "apiGroup"))
            {
                continue;
            }
            switch (GetString(subject, "kind"))
            {
                case "ServiceAccount":
                    subject["apiGroup"] = "";
                    break;
                case "User" or "Group":
                    subject["apiGroup"] = RbacGroup;
                    break;
                default:
                    break;
            }
        }
    }

    public static void ApplyToStorageClass(JsonObject obj)
    {
        SetIfUnsetOrEmpty(obj, "reclaimPolicy", "Delete");
        SetIfUnsetOrEmpty(obj, "volumeBindingMode", "Immediate");
    }

    public static void ApplyToPriorityClass(JsonObject obj) =>
        SetIfUnsetOrEmpty(obj, "preemptionPolicy", "PreemptLowerPriority");
}
