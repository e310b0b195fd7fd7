using System.Text.Json;
using Kubelike.Api;

namespace Kubelike.ApiServer.Authorization.Bootstrap;

/// <summary>Semantic equality of API values (rules, selectors) by their JSON, which is what upstream's DeepEqual compares.</summary>
internal static class RuleEquality
{
    public static bool Same<T>(T left, T right) =>
        JsonSerializer.Serialize(left, KubernetesJson.Options) == JsonSerializer.Serialize(right, KubernetesJson.Options);
}
