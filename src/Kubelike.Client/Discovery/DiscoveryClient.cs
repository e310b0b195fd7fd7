using Kubelike.Api;
using Kubelike.Api.Meta.V1;
using Kubelike.Client.Rest;

namespace Kubelike.Client.Discovery;

/// <summary>
/// Reads the server's legacy discovery documents (<c>/api</c>, <c>/api/v1</c>, <c>/apis</c>, <c>/apis/{group}/{version}</c>)
/// and answers which resources it serves, at each group's preferred version, as client-go's
/// <c>ServerPreferredResources</c> does. A group whose document cannot be read is reported, not fatal: the others
/// are still returned.
/// </summary>
public sealed class DiscoveryClient(KubernetesClient client)
{
    /// <summary>Every top-level resource (no subresources) at its group's preferred version.</summary>
    public async Task<DiscoveredResources> ServerPreferredResourcesAsync(CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var groupVersions = new List<string>();
        var core = KubernetesJson.Deserialize<APIVersions>(await client.GetStringAsync("/api", cancellationToken));
        groupVersions.AddRange(core?.Versions?.Take(1) ?? []);
        var groups = KubernetesJson.Deserialize<APIGroupList>(await client.GetStringAsync("/apis", cancellationToken));
        foreach (var group in groups?.Groups ?? [])
        {
            if ((group.PreferredVersion ?? group.Versions?.FirstOrDefault())?.GroupVersion is { Length: > 0 } preferred)
                groupVersions.Add(preferred);
        }

        var resources = new List<DiscoveredResource>();
        var failed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var groupVersion in groupVersions)
        {
            var path = groupVersion.Contains('/', StringComparison.Ordinal) ? $"/apis/{groupVersion}" : $"/api/{groupVersion}";
            APIResourceList? list;
            try
            {
                list = KubernetesJson.Deserialize<APIResourceList>(await client.GetStringAsync(path, cancellationToken));
            }
            catch (Exception e) when (e is KubernetesApiException or HttpRequestException or TimeoutException or System.Text.Json.JsonException)
            {
                failed[groupVersion] = e.Message;
                continue;
            }

            var (group, version) = groupVersion.Split('/') is [var g, var v] ? (g, v) : ("", groupVersion);
            foreach (var resource in list?.Resources ?? [])
            {
                if (resource.Name is not { Length: > 0 } name || name.Contains('/', StringComparison.Ordinal))
                    continue;
                resources.Add(new DiscoveredResource(
                    new ApiResource(group, version, name, resource.Kind ?? "", resource.Namespaced ?? false),
                    new HashSet<string>(resource.Verbs ?? [], StringComparer.Ordinal)));
            }
        }

        return new DiscoveredResources(resources, failed);
    }
}
