using System.Collections.Concurrent;
using Kubelike.Api.Core.V1;
using Kubelike.Client.Rest;
using Kubelike.Client.Watch;

namespace Kubelike.Controllers.Tests.Support;

/// <summary>
/// Records the names of a namespace's pods in the order the API reports them deleted, from a watch that starts at
/// the revision of a list taken first, so no deletion after <see cref="StartAsync"/> returns is missed.
/// </summary>
public sealed class PodDeletionRecorder : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _deleted = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _watching = Task.CompletedTask;

    public IReadOnlyList<string> Deleted => [.. _deleted];

    public static async Task<PodDeletionRecorder> StartAsync(KubernetesClient client, string ns)
    {
        var recorder = new PodDeletionRecorder();
        var list = await client.Resource<Pod>().ListAsync(ns);
        recorder._watching = recorder.WatchAsync(client, ns, list.Metadata?.ResourceVersion);
        return recorder;
    }

    private async Task WatchAsync(KubernetesClient client, string ns, string? resourceVersion)
    {
        try
        {
            await foreach (var e in client.Resource<Pod>().WatchAsync(ns, new WatchParameters { ResourceVersion = resourceVersion }, _stop.Token))
            {
                if (e.Type == WatchEventType.Deleted)
                    _deleted.Enqueue(e.Item.Metadata!.Name!);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposed.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _watching;
        _stop.Dispose();
    }
}
