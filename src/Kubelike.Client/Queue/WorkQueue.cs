namespace Kubelike.Client.Queue;

/// <summary>
/// A work queue of keys, as controllers use it: an item added while it waits is queued once; an item being
/// processed (between <see cref="GetAsync"/> and <see cref="Done"/>) is never handed to a second worker — if it is
/// added meanwhile, it is queued again when <see cref="Done"/> is called. <see cref="AddAfter"/> queues an item later.
/// </summary>
public class WorkQueue<T> : IDisposable
    where T : notnull
{
    private readonly Lock _gate = new();
    private readonly Queue<T> _queue = new();
    private readonly HashSet<T> _dirty = [];
    private readonly HashSet<T> _processing = [];
    private readonly Queue<TaskCompletionSource<bool>> _getters = new();
    private readonly PriorityQueue<T, DateTimeOffset> _delayed = new();
    private readonly Dictionary<T, DateTimeOffset> _readyAt = [];
    private readonly ITimer _timer;
    private TaskCompletionSource? _drained;
    private bool _shuttingDown;

    public WorkQueue(TimeProvider? time = null)
    {
        Time = time ?? TimeProvider.System;
        _timer = Time.CreateTimer(_ => OnTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    protected TimeProvider Time { get; }

    /// <summary>Items waiting to be handed out (not those being processed or delayed).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
                return _queue.Count;
        }
    }

    public bool IsShuttingDown
    {
        get
        {
            lock (_gate)
                return _shuttingDown;
        }
    }

    /// <summary>Queues an item unless it is queued already; ignored once shutting down.</summary>
    public void Add(T item)
    {
        lock (_gate)
            AddLocked(item);
    }

    /// <summary>Queues an item after <paramref name="delay"/>; of several pending delays for one item, the earliest wins.</summary>
    public void AddAfter(T item, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(item);
            return;
        }

        lock (_gate)
        {
            if (_shuttingDown)
                return;
            var ready = Time.GetUtcNow() + delay;
            if (_readyAt.TryGetValue(item, out var existing) && existing <= ready)
                return;
            _readyAt[item] = ready;
            _delayed.Enqueue(item, ready);
            ScheduleLocked();
        }
    }

    /// <summary>
    /// The next item, waiting for one if need be; <c>ShuttingDown</c> is true (and the item meaningless) once the
    /// queue is shut down and empty. Call <see cref="Done"/> with the item when finished with it.
    /// </summary>
    public async ValueTask<(T Item, bool ShuttingDown)> GetAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            TaskCompletionSource<bool> getter;
            lock (_gate)
            {
                if (_queue.TryDequeue(out var item))
                {
                    _dirty.Remove(item);
                    _processing.Add(item);
                    return (item, false);
                }

                if (_shuttingDown)
                    return (default!, true);
                getter = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                _getters.Enqueue(getter);
            }

            using (cancellationToken.Register(() => getter.TrySetCanceled(cancellationToken)))
                await getter.Task;
        }
    }

    /// <summary>Ends the processing of an item; if it was added meanwhile, it is queued again now.</summary>
    public void Done(T item)
    {
        lock (_gate)
        {
            _processing.Remove(item);
            if (_dirty.Contains(item))
            {
                _queue.Enqueue(item);
                WakeOneLocked();
            }
            else if (_processing.Count == 0)
            {
                _drained?.TrySetResult();
            }
        }
    }

    /// <summary>Stops accepting items; getters receive what is queued, then <c>ShuttingDown</c>.</summary>
    public void ShutDown()
    {
        lock (_gate)
        {
            _shuttingDown = true;
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _delayed.Clear();
            _readyAt.Clear();
            while (_getters.TryDequeue(out var getter))
                getter.TrySetResult(true);
        }
    }

    /// <summary>Shuts down, then waits until every item handed out has been <see cref="Done"/>.</summary>
    public async Task ShutDownWithDrainAsync(CancellationToken cancellationToken = default)
    {
        Task drained;
        lock (_gate)
        {
            _drained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_processing.Count == 0)
                _drained.TrySetResult();
            drained = _drained.Task;
        }

        ShutDown();
        await drained.WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            ShutDown();
            _timer.Dispose();
        }
    }

    private void AddLocked(T item)
    {
        if (_shuttingDown || !_dirty.Add(item))
            return;
        if (_processing.Contains(item))
            return;
        _queue.Enqueue(item);
        WakeOneLocked();
    }

    private void WakeOneLocked()
    {
        // Getters that were cancelled refuse the result; the next one takes it.
        while (_getters.TryDequeue(out var getter))
        {
            if (getter.TrySetResult(true))
                return;
        }
    }

    private void OnTimer()
    {
        lock (_gate)
        {
            var now = Time.GetUtcNow();
            while (_delayed.TryPeek(out var item, out var ready) && ready <= now)
            {
                _delayed.Dequeue();
                // A superseded (later) entry for an item whose earlier one already fired is skipped.
                if (_readyAt.TryGetValue(item, out var current) && current == ready)
                {
                    _readyAt.Remove(item);
                    AddLocked(item);
                }
            }

            ScheduleLocked();
        }
    }

    private static readonly TimeSpan MaxTimerDelay = TimeSpan.FromDays(30);

    private void ScheduleLocked()
    {
        if (_shuttingDown)
            return;
        while (_delayed.TryPeek(out var item, out var ready))
        {
            if (_readyAt.TryGetValue(item, out var current) && current == ready)
            {
                // A timer cannot wait longer than about 49 days: a later item is looked at again after MaxTimerDelay.
                var due = ready - Time.GetUtcNow();
                _timer.Change(due < TimeSpan.Zero ? TimeSpan.Zero : due > MaxTimerDelay ? MaxTimerDelay : due, Timeout.InfiniteTimeSpan);
                return;
            }

            _delayed.Dequeue();
        }

        _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }
}
