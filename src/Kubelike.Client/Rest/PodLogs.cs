using System.Globalization;
using Kubelike.Api.Core.V1;

namespace Kubelike.Client.Rest;

/// <summary>Reading pod logs (the <c>pods/log</c> subresource), as the official clients' ReadNamespacedPodLog.</summary>
public static class PodLogs
{
    /// <summary>
    /// The log as a stream (the caller disposes it); with <see cref="PodLogParameters.Follow"/> it stays open while the
    /// container runs. Refusals (no such container, still waiting to start …) throw <see cref="KubernetesApiException"/>.
    /// </summary>
    public static async Task<Stream> ReadPodLogAsync(this KubernetesClient client, string name, string ns, PodLogParameters? parameters = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        parameters ??= new PodLogParameters();
        var query = new QueryString()
            .Add("container", parameters.Container)
            .Add("follow", parameters.Follow)
            .Add("previous", parameters.Previous)
            .Add("timestamps", parameters.Timestamps)
            .Add("tailLines", parameters.TailLines)
            .Add("limitBytes", parameters.LimitBytes)
            .Add("sinceSeconds", parameters.SinceSeconds)
            .Add("sinceTime", parameters.SinceTime?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        var path = ResourcePath.For(client.Resource<Pod>().Resource, ns, name, "log") + query;
        var response = await client.SendAsync(HttpMethod.Get, path, null, null, idempotent: true, streaming: true, cancellationToken);
        return await response.Content.ReadAsStreamAsync(cancellationToken);
    }

    /// <summary>The whole log (not following) as text.</summary>
    public static async Task<string> ReadPodLogTextAsync(this KubernetesClient client, string name, string ns, PodLogParameters? parameters = null, CancellationToken cancellationToken = default)
    {
        await using var stream = await client.ReadPodLogAsync(name, ns, (parameters ?? new PodLogParameters()) with { Follow = false }, cancellationToken);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
