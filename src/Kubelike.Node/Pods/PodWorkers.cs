using System.Collections.Concurrent;
using Kubelike.Api.Core.V1;
using Kubelike.Node.Agent;
using Microsoft.Extensions.Logging;

namespace Kubelike.Node.Pods;

/// <summary>One <see cref="PodWorker"/> per pod uid bound to this node, fed by the pod informer's events.</summary>
internal sealed class PodWorkers(PodRuntime runtime, NodeAgentOptions options, ILogger logger) : IDisposable
{
    private readonly ConcurrentDictionary<string, (PodWorker Worker, Task Run)> _workers = new();
    private readonly CancellationTokenSource _stopping = new();

    public void Upsert(Pod pod)
    {
        var uid = pod.Metadata?.Uid;
        if (uid is null)
            return;
        lock (_workers)
        {
            if (_workers.TryGetValue(uid, out var existing))
            {
                existing.Worker.Update(pod);
                return;
            }

            var worker = new PodWorker(runtime, options, logger);
            worker.Update(pod);
            var run = Task.Run(async () =>
            {
                try
                {
                    await worker.RunAsync(_stopping.Token);
                }
                catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
                {
                }
                catch (Exception e)
                {
                    logger.LogError(e, "pod worker {Uid} failed", uid);
                }
                finally
                {
                    _workers.TryRemove(uid, out _);
                }
            });
            _workers[uid] = (worker, run);
        }
    }

    /// <summary>Whether a worker (still) runs the pod with this uid, tearing it down included.</summary>
    public bool Has(string uid) => _workers.ContainsKey(uid);

    public void Remove(Pod pod)
    {
        if (pod.Metadata?.Uid is { } uid && _workers.TryGetValue(uid, out var existing))
            existing.Worker.MarkGone();
    }

    /// <summary>Stops the workers; the containers they run keep running, as when a kubelet restarts.</summary>
    public async Task StopAsync()
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_workers.Values.Select(w => w.Run));
    }

    public void Dispose() => _stopping.Dispose();
}
