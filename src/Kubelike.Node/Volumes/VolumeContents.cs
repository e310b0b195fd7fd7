using System.Globalization;
using System.Text;
using Kubelike.Api.Core.V1;
using Kubelike.Client.Rest;
using Kubelike.Node.Pods;

namespace Kubelike.Node.Volumes;

/// <summary>
/// The files of ConfigMap, Secret, downward API and projected volumes, read from the API as the kubelet's volume
/// plugins read them: every key (or the listed items) at its path with its mode, optional sources allowed to be absent.
/// </summary>
public sealed class VolumeContents(KubernetesClient client)
{
    /// <summary>The mode of a file when neither the item nor the volume names one (0644).</summary>
    public const int DefaultMode = 420;

    private readonly ResourceClient<ConfigMap> _configMaps = client.Resource<ConfigMap>();
    private readonly ResourceClient<Secret> _secrets = client.Resource<Secret>();

    public async Task<List<VolumeFile>> ConfigMapAsync(Pod pod, string name, IList<KeyToPath>? items, bool optional, int mode, CancellationToken cancellationToken)
    {
        var configMap = await GetAsync(_configMaps, name, pod.Metadata!.Namespace!, optional, "configmap", cancellationToken);
        var data = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (key, value) in configMap?.Data ?? new Dictionary<string, string>())
            data[key] = Encoding.UTF8.GetBytes(value);
        foreach (var (key, value) in configMap?.BinaryData ?? new Dictionary<string, byte[]>())
            data[key] = value;
        return configMap is null ? [] : Files(data, items, optional, mode, key => $"configmap references non-existent config key: {key}");
    }

    public async Task<List<VolumeFile>> SecretAsync(Pod pod, string name, IList<KeyToPath>? items, bool optional, int mode, CancellationToken cancellationToken)
    {
        var secret = await GetAsync(_secrets, name, pod.Metadata!.Namespace!, optional, "secret", cancellationToken);
        var data = new Dictionary<string, byte[]>(secret?.Data ?? new Dictionary<string, byte[]>(), StringComparer.Ordinal);
        return secret is null ? [] : Files(data, items, optional, mode, key => $"references non-existent secret key: {key}");
    }

    /// <summary>Downward API files: pod metadata fields and container resources, formatted as the kubelet writes them.</summary>
    public static List<VolumeFile> DownwardApi(Pod pod, IList<DownwardAPIVolumeFile>? items, int mode)
    {
        var files = new List<VolumeFile>();
        foreach (var item in items ?? [])
        {
            string value;
            if (item.FieldRef is { } fieldRef)
            {
                var meta = pod.Metadata!;
                value = fieldRef.FieldPath switch
                {
                    "metadata.labels" => FormatMap(meta.Labels),
                    "metadata.annotations" => FormatMap(meta.Annotations),
                    var path => ContainerEnvironment.FieldValue(pod, path ?? ""),
                };
            }
            else if (item.ResourceFieldRef is { } resourceRef)
            {
                var container = (pod.Spec?.Containers ?? []).Concat(pod.Spec?.InitContainers ?? []).FirstOrDefault(c => c.Name == resourceRef.ContainerName)
                    ?? throw new VolumeMountException($"container {resourceRef.ContainerName} not found in pod {pod.Metadata!.Name}");
                value = ContainerEnvironment.ResourceValue(container, resourceRef.Resource ?? "", resourceRef.Divisor);
            }
            else
            {
                continue;
            }

            files.Add(new VolumeFile(CheckedPath(item.Path), Encoding.UTF8.GetBytes(value), item.Mode ?? mode));
        }

        return files;
    }

    /// <summary>All sources of a projected volume in one payload (service account tokens are not projected yet).</summary>
    public async Task<List<VolumeFile>> ProjectedAsync(Pod pod, ProjectedVolumeSource projected, CancellationToken cancellationToken)
    {
        var mode = projected.DefaultMode ?? DefaultMode;
        var files = new List<VolumeFile>();
        foreach (var source in projected.Sources ?? [])
        {
            if (source.ConfigMap is { } configMap)
                files.AddRange(await ConfigMapAsync(pod, configMap.Name ?? "", configMap.Items, configMap.Optional == true, mode, cancellationToken));
            else if (source.Secret is { } secret)
                files.AddRange(await SecretAsync(pod, secret.Name ?? "", secret.Items, secret.Optional == true, mode, cancellationToken));
            else if (source.DownwardAPI is { } downward)
                files.AddRange(DownwardApi(pod, downward.Items, mode));
            else if (source.ServiceAccountToken is not null)
                throw new VolumeMountException("serviceAccountToken projections are not supported by this node yet");
            else if (source.ClusterTrustBundle is not null)
                throw new VolumeMountException("clusterTrustBundle projections are not supported by this node");
        }

        return files;
    }

    private static List<VolumeFile> Files(Dictionary<string, byte[]> data, IList<KeyToPath>? items, bool optional, int mode, Func<string, string> missingKey)
    {
        if (items is null || items.Count == 0)
            return [.. data.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => new VolumeFile(CheckedPath(d.Key), d.Value, mode))];
        var files = new List<VolumeFile>();
        foreach (var item in items)
        {
            if (!data.TryGetValue(item.Key ?? "", out var content))
            {
                if (optional)
                    continue;
                throw new VolumeMountException(missingKey(item.Key ?? ""));
            }

            files.Add(new VolumeFile(CheckedPath(item.Path), content, item.Mode ?? mode));
        }

        return files;
    }

    /// <summary>A relative path without <c>..</c> elements (validation refuses others; this is the node's own guard).</summary>
    private static string CheckedPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path.StartsWith('/') || path.Split('/').Any(part => part is ".." or "") || path.StartsWith("..", StringComparison.Ordinal))
            throw new VolumeMountException($"invalid path \"{path}\" in volume");
        return path;
    }

    /// <summary>Labels or annotations as <c>key="value"</c> lines sorted by key, values quoted as Go's %q does.</summary>
    private static string FormatMap(IDictionary<string, string>? map) =>
        string.Join('\n', (map ?? new Dictionary<string, string>()).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={Quote(p.Value)}"));

    private static string Quote(string value)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in value)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => "\\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }

    private static async Task<T?> GetAsync<T>(ResourceClient<T> resource, string name, string ns, bool optional, string kind, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await resource.GetAsync(name, ns, cancellationToken);
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
            return optional ? null : throw new VolumeMountException($"{kind} \"{name}\" not found");
        }
    }
}
