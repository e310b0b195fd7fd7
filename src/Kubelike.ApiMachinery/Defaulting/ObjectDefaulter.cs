using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Registry;

namespace Kubelike.ApiMachinery.Defaulting;

/// <summary>
/// The defaulting kube-apiserver applies to built-in objects on create and update (the SetDefaults_* functions and
/// +default markers of each API group's v1 types, plus the few fields upstream's registry strategies and admission
/// fill in that clients rely on). Works on the object as JSON so it applies whether or not a kind has a typed model.
/// </summary>
public static class ObjectDefaulter
{
    /// <summary>Fills in defaults in place for the resource's kind; unknown kinds are left alone.</summary>
    public static void Apply(ResourceDefinition resource, JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(obj);

        switch (resource.Group)
        {
            case "":
                CoreDefaults.Apply(resource.Kind, obj);
                break;
            case "apps":
                AppsDefaults.Apply(resource.Kind, obj);
                break;
            case "batch":
                BatchDefaults.Apply(resource.Kind, obj);
                break;
            case "autoscaling":
                AutoscalingDefaults.Apply(resource.Version, resource.Kind, obj);
                break;
            case "networking.k8s.io" when resource.Kind == "NetworkPolicy":
                NetworkingDefaults.ApplyToNetworkPolicy(obj);
                break;
            case "discovery.k8s.io" when resource.Kind == "EndpointSlice":
                NetworkingDefaults.ApplyToEndpointSlice(obj);
                break;
            case "rbac.authorization.k8s.io" when resource.Kind is "RoleBinding" or "ClusterRoleBinding":
                ClusterDefaults.ApplyToRoleBinding(obj);
                break;
            case "storage.k8s.io" when resource.Kind == "StorageClass":
                ClusterDefaults.ApplyToStorageClass(obj);
                break;
            case "scheduling.k8s.io" when resource.Kind == "PriorityClass":
                ClusterDefaults.ApplyToPriorityClass(obj);
                break;
            default:
                break;
        }
    }

    /// <summary>
    /// What upstream's registry strategies fill in on create once the object has its name and uid (a Job's
    /// generated selector and pod labels). Runs after <see cref="Apply"/>, on create only.
    /// </summary>
    public static void ApplyOnCreate(ResourceDefinition resource, JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(obj);
        if (resource.Group == "batch" && resource.Kind == "Job")
        {
            BatchDefaults.GenerateJobSelector(obj);
        }
    }
}
