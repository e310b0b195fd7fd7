namespace Kubelike.Client.Rest;

/// <summary>The URL paths of a resource: collection, object and subresource, namespaced or not.</summary>
internal static class ResourcePath
{
    /// <param name="resource">The resource.</param>
    /// <param name="ns">The namespace; null or empty for cluster-scoped resources and for lists across all namespaces.</param>
    /// <param name="name">The object's name, or null for the collection.</param>
    /// <param name="subresource">E.g. <c>status</c> or <c>scale</c>.</param>
    public static string For(ApiResource resource, string? ns, string? name = null, string? subresource = null)
    {
        var path = resource.GroupVersionPath;
        if (resource.Namespaced && !string.IsNullOrEmpty(ns))
            path += "/namespaces/" + Uri.EscapeDataString(ns);
        path += "/" + resource.Resource;
        if (name is not null)
        {
            if (name.Length == 0)
                throw new ArgumentException($"a {resource.Kind} name must not be empty", nameof(name));
            path += "/" + Uri.EscapeDataString(name);
            if (!string.IsNullOrEmpty(subresource))
                path += "/" + subresource;
        }

        return path;
    }
}
