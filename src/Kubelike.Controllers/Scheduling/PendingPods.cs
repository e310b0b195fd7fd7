namespace Kubelike.Controllers.Scheduling;

/// <summary>
/// The pods waiting to be scheduled, by key, in three places as upstream keeps them: <em>active</em> (to try now,
/// first in first out), <em>backoff</em> (tried and failed recently: back to active when its backoff ends, 1 s doubling
/// to 10 s) and <em>unschedulable</em> (no node fitted: waits for a change in the cluster, or at most
/// <see cref="MaxUnschedulableWait"/>). A key is never handed out twice at once; an add while it is being scheduled
/// is remembered and takes effect when it is done.
/// </summary>
public sealed class PendingPods(TimeProvider time) : IDisposable
{
    public static readonly TimeSpan InitialBackoff = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan MaxUnschedulableWait = TimeSpan.FromSeconds(60);

    private readonly Lock _gate = new();
    private readonly LinkedList<string> _active = new();
    private readonly Dictionary<string, LinkedListNode<string>> _activeNodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _backoff = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _unschedulable = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _attempts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _processing = new(StringComparer.Ordinal);
    private readonly HashSet<string> _dirty = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _ready = new(0);
    private long _moveCycle;
    private bool _shutDown;

    public int ActiveCount
    {
        get
        {
            lock (_gate)
                return _active.Count;
        }
    }

    public int PendingCount
    {
        get
        {
            lock (_gate)
                return _active.Count + _backoff.Count + _unschedulable.Count + _processing.Count;
        }
    }

    /// <summary>The move cycle at which a pod's scheduling attempt starts; see <see cref="Unschedulable"/>.</summary>
    public long MoveCycle
    {
        get
        {
            lock (_gate)
                return _moveCycle;
        }
    }

    /// <summary>A new or changed pending pod: to active, unless it waits out a backoff.</summary>
    public void Add(string key)
    {
        lock (_gate)
        {
            if (_processing.Contains(key))
            {
                _dirty.Add(key);
                return;
            }

            if (_activeNodes.ContainsKey(key) || _backoff.ContainsKey(key))
                return;
            _unschedulable.Remove(key);
            ActivateLocked(key);
        }
    }

    /// <summary>The next key to schedule; null once shut down.</summary>
    public async Task<string?> PopAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await _ready.WaitAsync(cancellationToken);
            lock (_gate)
            {
                if (_shutDown)
                    return null;
                if (_active.First is not { } first)
                    continue;
                _active.RemoveFirst();
                _activeNodes.Remove(first.Value);
                _processing.Add(first.Value);
                return first.Value;
            }
        }
    }

    /// <summary>Scheduled (binding under way or done), or no longer pending: forget its attempts.</summary>
    public void Done(string key)
    {
        lock (_gate)
        {
            _processing.Remove(key);
            _attempts.Remove(key);
            if (_dirty.Remove(key))
                ActivateLocked(key);
        }
    }

    /// <summary>
    /// No node fitted. It waits for a cluster change, unless one happened while it was being scheduled (the move cycle
    /// advanced since <paramref name="cycleAtStart"/>) or it was changed meanwhile: then it only backs off.
    /// </summary>
    public void Unschedulable(string key, long cycleAtStart)
    {
        lock (_gate)
        {
            _processing.Remove(key);
            _attempts[key] = _attempts.GetValueOrDefault(key) + 1;
            if (_dirty.Remove(key) || _moveCycle != cycleAtStart)
                _backoff[key] = time.GetUtcNow() + BackoffLocked(key);
            else
                _unschedulable[key] = time.GetUtcNow();
        }
    }

    /// <summary>Scheduling or binding failed for another reason: try again after its backoff.</summary>
    public void Retry(string key)
    {
        lock (_gate)
        {
            _processing.Remove(key);
            _dirty.Remove(key);
            _attempts[key] = _attempts.GetValueOrDefault(key) + 1;
            _backoff[key] = time.GetUtcNow() + BackoffLocked(key);
        }
    }

    /// <summary>The pod is gone or bound: drop it wherever it waits.</summary>
    public void Remove(string key)
    {
        lock (_gate)
        {
            if (_activeNodes.Remove(key, out var node))
                _active.Remove(node);
            _backoff.Remove(key);
            _unschedulable.Remove(key);
            _dirty.Remove(key);
            if (!_processing.Contains(key))
                _attempts.Remove(key);
        }
    }

    /// <summary>Something changed that may let unschedulable pods fit: each goes back to active, or to backoff while it lasts.</summary>
    public void MoveAllUnschedulable()
    {
        lock (_gate)
        {
            _moveCycle++;
            if (_unschedulable.Count == 0)
                return;
            var now = time.GetUtcNow();
            foreach (var (key, since) in _unschedulable)
            {
                var until = since + BackoffLocked(key);
                if (until <= now)
                    ActivateLocked(key);
                else
                    _backoff[key] = until;
            }

            _unschedulable.Clear();
        }
    }

    /// <summary>Moves pods whose backoff has ended, and pods unschedulable for too long, to active.</summary>
    public void Flush()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            foreach (var key in _backoff.Where(b => b.Value <= now).Select(b => b.Key).ToList())
            {
                _backoff.Remove(key);
                ActivateLocked(key);
            }

            foreach (var key in _unschedulable.Where(u => now - u.Value >= MaxUnschedulableWait).Select(u => u.Key).ToList())
            {
                _unschedulable.Remove(key);
                ActivateLocked(key);
            }
        }
    }

    public void ShutDown()
    {
        lock (_gate)
        {
            _shutDown = true;
            _ready.Release(int.MaxValue / 2);
        }
    }

    public void Dispose() => _ready.Dispose();

    private void ActivateLocked(string key)
    {
        if (_activeNodes.ContainsKey(key) || _shutDown)
            return;
        _activeNodes[key] = _active.AddLast(key);
        _ready.Release();
    }

    private TimeSpan BackoffLocked(string key)
    {
        var attempts = Math.Max(1, _attempts.GetValueOrDefault(key));
        var backoff = InitialBackoff * Math.Pow(2, Math.Min(attempts - 1, 10));
        return backoff > MaxBackoff ? MaxBackoff : backoff;
    }
}
