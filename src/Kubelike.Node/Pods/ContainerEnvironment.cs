using System.Globalization;
using System.Text;
using Kubelike.Api.Core.V1;
using Kubelike.Api.Primitives;
using Kubelike.Client.Rest;

namespace Kubelike.Node.Pods;

/// <summary>
/// A container's environment as the kubelet builds it: envFrom sources first (with their prefix), then env in
/// order, values expanded with $(NAME) against what came before, valueFrom read from the pod's fields, ConfigMaps
/// and Secrets. A missing required source is a <see cref="ContainerConfigException"/> (CreateContainerConfigError).
/// </summary>
public sealed class ContainerEnvironment(KubernetesClient client)
{
    private readonly ResourceClient<ConfigMap> _configMaps = client.Resource<ConfigMap>();
    private readonly ResourceClient<Secret> _secrets = client.Resource<Secret>();

    public async Task<List<KeyValuePair<string, string>>> ResolveAsync(Pod pod, Container container, CancellationToken cancellationToken)
    {
        var ns = pod.Metadata!.Namespace!;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var order = new List<string>();
        void Set(string name, string value)
        {
            if (!values.ContainsKey(name))
                order.Add(name);
            values[name] = value;
        }

        foreach (var source in container.EnvFrom ?? [])
        {
            var prefix = source.Prefix ?? "";
            if (source.ConfigMapRef is { } cmRef)
            {
                var cm = await GetOrNullAsync(_configMaps, cmRef.Name!, ns, cmRef.Optional == true, "configmap", cancellationToken);
                foreach (var (key, value) in cm?.Data ?? new Dictionary<string, string>())
                    Set(prefix + key, value);
            }

            if (source.SecretRef is { } secretRef)
            {
                var secret = await GetOrNullAsync(_secrets, secretRef.Name!, ns, secretRef.Optional == true, "secret", cancellationToken);
                foreach (var (key, value) in secret?.Data ?? new Dictionary<string, byte[]>())
                    Set(prefix + key, Encoding.UTF8.GetString(value));
            }
        }

        foreach (var env in container.Env ?? [])
        {
            if (env.ValueFrom is not { } from)
            {
                Set(env.Name!, Expand(env.Value ?? "", values));
                continue;
            }

            string? value = null;
            if (from.FieldRef is { } fieldRef)
            {
                value = FieldValue(pod, fieldRef.FieldPath ?? "");
            }
            else if (from.ConfigMapKeyRef is { } cmKey)
            {
                var cm = await GetOrNullAsync(_configMaps, cmKey.Name!, ns, cmKey.Optional == true, "configmap", cancellationToken);
                if (cm?.Data?.TryGetValue(cmKey.Key!, out var found) == true)
                    value = found;
                else if (cm is not null && cmKey.Optional != true)
                    throw new ContainerConfigException($"couldn't find key {cmKey.Key} in ConfigMap {ns}/{cmKey.Name}");
            }
            else if (from.SecretKeyRef is { } secretKey)
            {
                var secret = await GetOrNullAsync(_secrets, secretKey.Name!, ns, secretKey.Optional == true, "secret", cancellationToken);
                if (secret?.Data?.TryGetValue(secretKey.Key!, out var bytes) == true)
                    value = Encoding.UTF8.GetString(bytes);
                else if (secret is not null && secretKey.Optional != true)
                    throw new ContainerConfigException($"couldn't find key {secretKey.Key} in Secret {ns}/{secretKey.Name}");
            }
            else if (from.ResourceFieldRef is { } resourceRef)
            {
                value = ResourceValue(container, resourceRef.Resource ?? "", resourceRef.Divisor);
            }

            if (value is not null)
                Set(env.Name!, value);
        }

        return [.. order.Select(name => KeyValuePair.Create(name, values[name]))];
    }

    /// <summary>Replaces $(NAME) with a defined variable's value; $$ is a literal $; unknown references stay as written.</summary>
    public static string Expand(string input, IReadOnlyDictionary<string, string> values)
    {
        if (!input.Contains('$', StringComparison.Ordinal))
            return input;
        var output = new StringBuilder(input.Length);
        for (var i = 0; i < input.Length; i++)
        {
            if (input[i] != '$' || i + 1 >= input.Length)
            {
                output.Append(input[i]);
            }
            else if (input[i + 1] == '$')
            {
                output.Append('$');
                i++;
            }
            else if (input[i + 1] == '(' && input.IndexOf(')', i + 2) is var close and > 0
                && values.TryGetValue(input[(i + 2)..close], out var value))
            {
                output.Append(value);
                i = close;
            }
            else
            {
                output.Append(input[i]);
            }
        }

        return output.ToString();
    }

    /// <summary>A pod field as env valueFrom and downward API volumes read it.</summary>
    internal static string FieldValue(Pod pod, string path)
    {
        var meta = pod.Metadata!;
        if (path.StartsWith("metadata.labels['", StringComparison.Ordinal) && path.EndsWith("']", StringComparison.Ordinal))
            return meta.Labels?.TryGetValue(path[17..^2], out var label) == true ? label : "";
        if (path.StartsWith("metadata.annotations['", StringComparison.Ordinal) && path.EndsWith("']", StringComparison.Ordinal))
            return meta.Annotations?.TryGetValue(path[22..^2], out var annotation) == true ? annotation : "";
        return path switch
        {
            "metadata.name" => meta.Name ?? "",
            "metadata.namespace" => meta.Namespace ?? "",
            "metadata.uid" => meta.Uid ?? "",
            "spec.nodeName" => pod.Spec?.NodeName ?? "",
            "spec.serviceAccountName" => pod.Spec?.ServiceAccountName ?? "",
            "status.hostIP" => pod.Status?.HostIP ?? "",
            "status.hostIPs" => string.Join(',', pod.Status?.HostIPs?.Select(ip => ip.Ip) ?? []),
            "status.podIP" => pod.Status?.PodIP ?? "",
            "status.podIPs" => string.Join(',', pod.Status?.PodIPs?.Select(ip => ip.Ip) ?? []),
            _ => throw new ContainerConfigException($"unsupported fieldRef {path}"),
        };
    }

    /// <summary>
    /// A container's request or limit divided by <paramref name="divisor"/> (1 by default) and rounded up, as the
    /// downward API gives it; an unset limit is the node's capacity (CPUs) or 0.
    /// </summary>
    internal static string ResourceValue(Container container, string resource, Quantity? divisor = null)
    {
        var resources = container.Resources;
        var (map, name) = resource.StartsWith("requests.", StringComparison.Ordinal)
            ? (resources?.Requests, resource[9..])
            : (resources?.Limits, resource.StartsWith("limits.", StringComparison.Ordinal) ? resource[7..] : resource);
        var by = divisor is null || divisor.ToDecimal() == 0 ? 1m : divisor.ToDecimal();
        if (map?.TryGetValue(name, out var quantity) != true || quantity is null)
            return name == "cpu" ? Math.Ceiling(Environment.ProcessorCount / by).ToString(CultureInfo.InvariantCulture) : "0";
        return Math.Ceiling(quantity.ToDecimal() / by).ToString(CultureInfo.InvariantCulture);
    }

    private static async Task<T?> GetOrNullAsync<T>(ResourceClient<T> resource, string name, string ns, bool optional, string kind, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await resource.GetAsync(name, ns, cancellationToken);
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
            return optional ? null : throw new ContainerConfigException($"{kind} \"{name}\" not found");
        }
    }
}
