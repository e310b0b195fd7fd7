namespace Kubelike.Client.Rest;

/// <summary>
/// A REST resource: group, version, plural name, kind and scope — what it takes to build its paths
/// (<c>/api/v1/namespaces/{ns}/configmaps</c>, <c>/apis/apps/v1/deployments</c>).
/// </summary>
/// <param name="Group">The API group; empty for the core group.</param>
/// <param name="Version">The version, e.g. <c>v1</c>.</param>
/// <param name="Resource">The plural resource name, e.g. <c>deployments</c>.</param>
/// <param name="Kind">The kind of its objects, e.g. <c>Deployment</c>.</param>
/// <param name="Namespaced">Whether objects live in namespaces.</param>
public sealed record ApiResource(string Group, string Version, string Resource, string Kind, bool Namespaced)
{
    /// <summary><c>v1</c> or <c>group/version</c>.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The resource's path prefix: <c>/api/v1</c> or <c>/apis/{group}/{version}</c>.</summary>
    public string GroupVersionPath => Group.Length == 0 ? $"/api/{Version}" : $"/apis/{Group}/{Version}";

    /// <summary><c>resource.group</c> (or the resource alone for the core group), as Status messages name it.</summary>
    public override string ToString() => Group.Length == 0 ? Resource : $"{Resource}.{Group}";

    /// <summary>The resource of a model type, from its <c>[KubernetesKind]</c> attribute; see <see cref="ApiResourceCatalog"/>.</summary>
    public static ApiResource For<T>() => ApiResourceCatalog.For(typeof(T));
}
