using System.Diagnostics;
using System.Globalization;
using Kubelike.Storage;

namespace Kubelike.Benchmarks;

/// <summary>
/// One watcher of the watch benchmark. It only stamps the arrival time of each event into a preallocated array
/// indexed by the write's sequence number (carried in the object name), so recording costs next to nothing.
/// </summary>
internal sealed class WatcherRun(IObjectWatch watch, int expected)
{
    public IObjectWatch Watch { get; } = watch;

    /// <summary>Stopwatch timestamp of each event's arrival, by write sequence; 0 if it never arrived.</summary>
    public long[] Received { get; } = new long[expected];

    public int Count { get; private set; }

    public string? Error { get; private set; }

    private volatile bool _started;

    public bool Started => _started;

    public async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        _started = true;
        if (expected == 0)
            return;
        try
        {
            await foreach (var e in Watch.ReadAllAsync(cancellationToken))
            {
                var now = Stopwatch.GetTimestamp();
                if (e.Type != WatchEventType.Added)
                    continue;
                Received[int.Parse(e.Key.Name.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture)] = now;
                if (++Count == expected)
                    return;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (StorageException exception)
        {
            Error = exception.Message;
        }
    }
}
