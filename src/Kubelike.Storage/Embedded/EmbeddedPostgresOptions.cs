namespace Kubelike.Storage.Embedded;

/// <summary>Where and how <see cref="EmbeddedPostgres"/> runs its private PostgreSQL cluster.</summary>
public sealed class EmbeddedPostgresOptions
{
    /// <summary>The cluster lives in this directory (created by initdb on first start, reused afterwards).</summary>
    public required string DataDirectory { get; set; }

    /// <summary>
    /// True (the default) keeps PostgreSQL's crash safety. False turns off fsync, synchronous_commit and
    /// full_page_writes: much faster, and fine for tests whose data may be lost with the machine.
    /// </summary>
    public bool Durable { get; set; } = true;

    /// <summary>The port; it only names the unix socket file unless <see cref="ListenAddress"/> is set.</summary>
    public int Port { get; set; } = 5432;

    /// <summary>TCP address to listen on as well (PostgreSQL's listen_addresses); null listens on the unix socket only.</summary>
    public string? ListenAddress { get; set; }

    /// <summary>Directory holding initdb and pg_ctl; null finds the machine's newest PostgreSQL.</summary>
    public string? BinDirectory { get; set; }

    /// <summary>Extra server settings passed as <c>-c name=value</c>, e.g. max_connections or shared_buffers.</summary>
    public IDictionary<string, string> Settings { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>How long pg_ctl may take to start or stop the server.</summary>
    public TimeSpan StartStopTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
