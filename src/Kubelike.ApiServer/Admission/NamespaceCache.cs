using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Registry;
using Kubelike.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kubelike.ApiServer.Admission;

/// <summary>
/// Every namespace and whether it is terminating, kept from a list and a watch on the store, so that admitting a
/// create does not read PostgreSQL each time (it was one query per create). Until the list has loaded, and for a
/// namespace it does not know (created a moment ago through another server), callers look it up themselves.
/// </summary>
public sealed class NamespaceCache(IServiceProvider services, ResourceRegistry registry, TimeProvider time, ILogger<NamespaceCache> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<string, bool> _terminating = new(StringComparer.Ordinal);
    private volatile bool _loaded;

    /// <summary>True with the namespace's state when it is known; false when the caller must look it up.</summary>
    public bool TryGet(string name, out bool terminating)
    {
        terminating = false;
        return _loaded && _terminating.TryGetValue(name, out terminating);
    }

    /// <summary>Whether a stored namespace is on its way out (deletion started, or phase Terminating).</summary>
    public static bool IsTerminating(JsonObject ns) =>
        ns["metadata"]?["deletionTimestamp"] is not null || ns["status"]?["phase"]?.GetValue<string>() == "Terminating";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Resolved here, not at construction: the store opens in an earlier hosted service's StartAsync.
        var store = services.GetRequiredService<IObjectStore>();
        var resource = registry.Find("", "v1", "namespaces")!.StorageResource;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SyncAsync(store, resource, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (StorageException exception)
            {
                // Expired, too slow or storage trouble: forget everything and list again.
                _loaded = false;
                logger.LogInformation("namespace cache relisting: {Reason}", exception.Message);
                await Task.Delay(RetryDelay, time, stoppingToken);
            }
        }
    }

    private async Task SyncAsync(IObjectStore store, string resource, CancellationToken cancellationToken)
    {
        _loaded = false;
        var list = await store.ListAsync(new ListRequest(resource), cancellationToken);
        _terminating.Clear();
        foreach (var item in list.Items)
            _terminating[item.Key.Name] = IsTerminating(Parse(item.Value));
        await using var watch = await store.WatchAsync(new WatchRequest(resource, null, list.Revision), cancellationToken);
        _loaded = true;
        await foreach (var change in watch.ReadAllAsync(cancellationToken))
        {
            switch (change.Type)
            {
                case WatchEventType.Added or WatchEventType.Modified:
                    _terminating[change.Key.Name] = IsTerminating(Parse(change.Value));
                    break;
                case WatchEventType.Deleted:
                    _terminating.TryRemove(change.Key.Name, out _);
                    break;
            }
        }
    }

    private static JsonObject Parse(ReadOnlyMemory<byte> value) => JsonNode.Parse(value.Span) as JsonObject ?? [];
}
