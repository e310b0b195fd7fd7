using System.Reflection;
using Kubelike.Api.Schema;
using Kubelike.ApiMachinery.Registry;

namespace Kubelike.ApiMachinery.Schema;

/// <summary>The Kubelike.Api model type of each kind, found once by its <see cref="KubernetesKindAttribute"/>.</summary>
public static class ModelTypes
{
    private static readonly Dictionary<GroupVersionKind, Type> ByKind = typeof(KubernetesKindAttribute).Assembly
        .GetTypes()
        .Select(type => (type, attribute: type.GetCustomAttribute<KubernetesKindAttribute>()))
        .Where(pair => pair.attribute is not null)
        .GroupBy(pair => new GroupVersionKind(pair.attribute!.Group, pair.attribute.Version, pair.attribute.Kind))
        .ToDictionary(group => group.Key, group => group.First().type);

    public static Type? Find(GroupVersionKind kind) => ByKind.GetValueOrDefault(kind);

    public static Type? Find(ResourceDefinition resource) => resource.ModelType ?? Find(resource.GroupVersionKind);
}
