using System.Text.Json.Nodes;
using Kubelike.Client.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kubelike.Client.Informers;

/// <summary>
/// Hands out one <see cref="SharedInformer{T}"/> per resource (and object type), so that every controller of a
/// process shares one list + watch and one cache per resource. Ask for informers, then <see cref="Start"/> (again
/// after asking for more), then <see cref="WaitForCacheSyncAsync"/>.
/// </summary>
public sealed class SharedInformerFactory(KubernetesClient client, InformerOptions? defaults = null, ILoggerFactory? loggerFactory = null) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(Type, ApiResource), IInformerControl> _informers = [];
    private readonly InformerOptions _defaults = defaults ?? new InformerOptions();
    private CancellationToken _startToken;
    private bool _started;

    public SharedInformer<T> GetInformer<T>()
        where T : class => GetInformer<T>(ApiResource.For<T>());

    public SharedInformer<JsonObject> GetInformer(ApiResource resource) => GetInformer<JsonObject>(resource);

    public SharedInformer<T> GetInformer<T>(ApiResource resource)
        where T : class
    {
        lock (_gate)
        {
            if (_informers.TryGetValue((typeof(T), resource), out var existing))
                return ((InformerControl<T>)existing).Informer;
            var logger = (ILogger?)loggerFactory?.CreateLogger($"Kubelike.Client.Informers.{resource.Kind}") ?? NullLogger.Instance;
            var informer = new SharedInformer<T>(client.Resource<T>(resource), _defaults, client.Time, logger);
            _informers[(typeof(T), resource)] = new InformerControl<T>(informer);
            if (_started)
                informer.Start(_startToken);
            return informer;
        }
    }

    /// <summary>Starts every informer handed out so far, and any handed out later.</summary>
    public void Start(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _started = true;
            _startToken = cancellationToken;
            foreach (var informer in _informers.Values)
                informer.Start(cancellationToken);
        }
    }

    /// <summary>Waits until every informer handed out so far has synced; false when cancelled first.</summary>
    public async Task<bool> WaitForCacheSyncAsync(CancellationToken cancellationToken = default)
    {
        IInformerControl[] informers;
        lock (_gate)
            informers = [.. _informers.Values];
        var results = await Task.WhenAll(informers.Select(i => i.WaitForCacheSyncAsync(cancellationToken)));
        return results.All(r => r);
    }

    public async ValueTask DisposeAsync()
    {
        IInformerControl[] informers;
        lock (_gate)
            informers = [.. _informers.Values];
        foreach (var informer in informers)
            await informer.DisposeAsync();
    }

    /// <summary>The type-independent handle on an informer the factory keeps.</summary>
    private interface IInformerControl : IAsyncDisposable
    {
        void Start(CancellationToken cancellationToken);

        Task<bool> WaitForCacheSyncAsync(CancellationToken cancellationToken);
    }

    private sealed class InformerControl<T>(SharedInformer<T> informer) : IInformerControl
        where T : class
    {
        public SharedInformer<T> Informer => informer;

        public void Start(CancellationToken cancellationToken) => informer.Start(cancellationToken);

        public Task<bool> WaitForCacheSyncAsync(CancellationToken cancellationToken) => informer.WaitForCacheSyncAsync(cancellationToken);

        public ValueTask DisposeAsync() => informer.DisposeAsync();
    }
}
