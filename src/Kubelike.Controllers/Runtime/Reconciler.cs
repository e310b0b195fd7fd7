using Kubelike.Client.Queue;
using Kubelike.Client.Rest;
using Microsoft.Extensions.Logging;

namespace Kubelike.Controllers.Runtime;

/// <summary>
/// A controller's loop: keys (<c>namespace/name</c>) come from informer handlers into a rate-limited work queue,
/// and workers reconcile each key against the informer caches; a failure requeues the key with backoff.
/// </summary>
public abstract class Reconciler(ILogger logger) : IDisposable
{
    protected RateLimitingWorkQueue<string> Queue { get; } = new();

    protected ILogger Logger => logger;

    /// <summary>Brings the world in line with the object named by <paramref name="key"/>.</summary>
    protected abstract Task ReconcileAsync(string key, CancellationToken cancellationToken);

    public void Enqueue(object obj) => Queue.Add(ObjectAccessor.GetKey(obj));

    public async Task RunAsync(int workers, CancellationToken cancellationToken)
    {
        using var stop = cancellationToken.Register(Queue.ShutDown);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(() => WorkAsync(cancellationToken), CancellationToken.None)));
    }

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        while (await Queue.GetAsync(CancellationToken.None) is (var key, false))
        {
            try
            {
                await ReconcileAsync(key, cancellationToken);
                Queue.Forget(key);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Shutting down.
            }
            catch (Exception e) when (e is KubernetesApiException or HttpRequestException or OperationCanceledException or IOException)
            {
                logger.LogDebug("{Key}: {Reason}; retrying", key, e.Message);
                Queue.AddRateLimited(key);
            }
            catch (Exception e)
            {
                // A bug must not stop the controller: log it and retry with backoff.
                logger.LogError(e, "{Key}: reconcile failed", key);
                Queue.AddRateLimited(key);
            }
            finally
            {
                Queue.Done(key);
            }
        }
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
            Queue.Dispose();
    }
}
