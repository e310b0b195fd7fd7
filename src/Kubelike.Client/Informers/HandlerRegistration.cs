using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Kubelike.Client.Informers;

/// <summary>
/// One handler of a <see cref="SharedInformer{T}"/>: its own queue of notifications and a task delivering them,
/// so a slow handler delays only itself. Disposing it removes the handler.
/// </summary>
internal sealed class HandlerRegistration<T> : IDisposable
    where T : class
{
    private readonly Channel<Action<IResourceEventHandler<T>>> _queue = Channel.CreateUnbounded<Action<IResourceEventHandler<T>>>(
        new UnboundedChannelOptions { SingleReader = true });

    private readonly IResourceEventHandler<T> _handler;
    private readonly Action<HandlerRegistration<T>> _remove;
    private readonly ILogger _logger;
    private readonly Task _delivery;

    public HandlerRegistration(IResourceEventHandler<T> handler, TimeSpan resyncPeriod, Action<HandlerRegistration<T>> remove, ILogger logger)
    {
        _handler = handler;
        ResyncPeriod = resyncPeriod;
        _remove = remove;
        _logger = logger;
        _delivery = Task.Run(DeliverAsync);
    }

    public TimeSpan ResyncPeriod { get; }

    /// <summary>When the next resync of this handler is due.</summary>
    public DateTimeOffset NextResync { get; set; }

    public void Added(T obj, bool initial) => _queue.Writer.TryWrite(h => h.OnAdd(obj, initial));

    public void Updated(T oldObj, T newObj) => _queue.Writer.TryWrite(h => h.OnUpdate(oldObj, newObj));

    public void Deleted(T obj, bool finalStateUnknown) => _queue.Writer.TryWrite(h => h.OnDelete(obj, finalStateUnknown));

    /// <summary>Stops delivering once what is queued has been delivered.</summary>
    public Task CompleteAsync()
    {
        _queue.Writer.TryComplete();
        return _delivery;
    }

    public void Dispose()
    {
        _remove(this);
        _queue.Writer.TryComplete();
    }

    private async Task DeliverAsync()
    {
        await foreach (var notification in _queue.Reader.ReadAllAsync())
        {
            try
            {
                notification(_handler);
            }
#pragma warning disable CA1031 // A handler's bug must not stop the deliveries to it, nor the informer.
            catch (Exception e)
#pragma warning restore CA1031
            {
                _logger.LogError(e, "informer event handler {Handler} failed", _handler.GetType().Name);
            }
        }
    }
}
