using System.Collections.Concurrent;
using System.Text.Json;
using Kubelike.Api;
using Kubelike.Storage;
using Microsoft.Extensions.Logging;

namespace Kubelike.ApiServer.Authorization.Rbac;

/// <summary>
/// Every object of one stored resource, kept in memory as typed objects from a list and a watch (relisted when the
/// watch ends), so that authorizing a request never queries PostgreSQL. Keys are (namespace, name).
/// </summary>
internal sealed class StoreMirror<T>(string resource, TimeProvider time, ILogger logger)
    where T : class
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, T>> _byNamespace = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first list is in.</summary>
    public Task Loaded => _loaded.Task;

    /// <summary>Called after every change (the aggregation of roles and indexes hang off it).</summary>
    public event Action? Changed;

    public T? Get(string ns, string name) => _byNamespace.TryGetValue(ns, out var objects) && objects.TryGetValue(name, out var value) ? value : null;

    public IEnumerable<T> All => _byNamespace.Values.SelectMany(objects => objects.Values);

    public IEnumerable<T> InNamespace(string ns) => _byNamespace.TryGetValue(ns, out var objects) ? objects.Values : [];

    public async Task RunAsync(IObjectStore store, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SyncAsync(store, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (StorageException exception)
            {
                logger.LogInformation("{Resource} cache relisting: {Reason}", resource, exception.Message);
                await Task.Delay(RetryDelay, time, stoppingToken);
            }
        }
    }

    private async Task SyncAsync(IObjectStore store, CancellationToken cancellationToken)
    {
        var list = await store.ListAsync(new ListRequest(resource), cancellationToken);
        var seen = new HashSet<(string, string)>();
        foreach (var item in list.Items)
        {
            seen.Add((item.Key.Namespace, item.Key.Name));
            Set(item.Key.Namespace, item.Key.Name, item.Value);
        }
        foreach (var (ns, objects) in _byNamespace)
        {
            foreach (var name in objects.Keys.Where(name => !seen.Contains((ns, name))).ToList())
                objects.TryRemove(name, out _);
        }
        Changed?.Invoke();
        _loaded.TrySetResult();
        await using var watch = await store.WatchAsync(new WatchRequest(resource, null, list.Revision), cancellationToken);
        await foreach (var change in watch.ReadAllAsync(cancellationToken))
        {
            switch (change.Type)
            {
                case WatchEventType.Added or WatchEventType.Modified:
                    Set(change.Key.Namespace, change.Key.Name, change.Value);
                    break;
                case WatchEventType.Deleted:
                    if (_byNamespace.TryGetValue(change.Key.Namespace, out var objects))
                        objects.TryRemove(change.Key.Name, out _);
                    break;
                default:
                    continue;
            }
            Changed?.Invoke();
        }
    }

    private void Set(string ns, string name, ReadOnlyMemory<byte> value)
    {
        var objects = _byNamespace.GetOrAdd(ns, _ => new ConcurrentDictionary<string, T>(StringComparer.Ordinal));
        try
        {
            objects[name] = JsonSerializer.Deserialize<T>(value.Span, KubernetesJson.Options) ?? throw new JsonException("null");
        }
        catch (JsonException exception)
        {
            // Never stop authorizing over one unreadable object: it grants nothing.
            objects.TryRemove(name, out _);
            logger.LogWarning("{Resource} {Namespace}/{Name} cannot be read: {Reason}", resource, ns, name, exception.Message);
        }
    }
}
