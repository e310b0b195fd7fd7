namespace Kubelike.Storage.Postgres;

/// <summary>Tuning of <see cref="PostgresObjectStore"/>; the defaults are what a server runs with.</summary>
public sealed class PostgresStoreOptions
{
    /// <summary>How often the change feed reads new events when no notification arrives (the fallback).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Events a watcher may have queued before it is closed as too slow.</summary>
    public int WatcherQueueCapacity { get; set; } = 1024;

    /// <summary>Recent events kept in memory so new watchers catch up without reading PostgreSQL.</summary>
    public int EventRingCapacity { get; set; } = 16384;

    /// <summary>Objects whose newest state is kept in memory as the guess of conditional writes (0: none).</summary>
    public int RecentObjectCapacity { get; set; } = 200_000;

    /// <summary>History is kept at least this long...</summary>
    public TimeSpan HistoryRetention { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>...and at least this many revisions.</summary>
    public long HistoryMinRevisions { get; set; } = 10_000;

    /// <summary>Pause between compaction rounds.</summary>
    public TimeSpan CompactionInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Revisions removed per compaction transaction (small, so no round holds locks for long).</summary>
    public int CompactionBatchSize { get; set; } = 1000;

    /// <summary>Most writes committed in one group-commit transaction.</summary>
    public int MaxWriteBatch { get; set; } = 256;

    /// <summary>Rows read per change-feed query.</summary>
    public int FeedBatchSize { get; set; } = 1000;
}
