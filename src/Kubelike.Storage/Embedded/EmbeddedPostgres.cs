using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Kubelike.Storage.Embedded;

/// <summary>
/// A private PostgreSQL cluster in a directory of ours, run with the machine's PostgreSQL install
/// (initdb/pg_ctl) and reached over a unix socket. Start and stop may alternate any number of times.
/// </summary>
public sealed partial class EmbeddedPostgres(EmbeddedPostgresOptions options, ILogger<EmbeddedPostgres> logger) : IAsyncDisposable
{
    /// <summary>sun_path holds 108 bytes including the terminating NUL.</summary>
    private const int MaxSocketPathBytes = 107;

    /// <summary>Where a root server keeps clusters the postgres user could not reach in place.</summary>
    private const string RelocationRoot = "/var/lib/kubelike";

    private const string LogFileName = "postgres.log";

    private static readonly TimeSpan QuickToolTimeout = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _dataDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(
        string.IsNullOrWhiteSpace(options.DataDirectory) ? throw new ArgumentException("a data directory is required", nameof(options)) : options.DataDirectory));
    private readonly int _port = options.Port is > 0 and <= 65535 ? options.Port : throw new ArgumentOutOfRangeException(nameof(options), options.Port, "port must be 1-65535");
    private string? _binDirectory;
    private string? _clusterDirectory;
    private string? _socketDirectory;
    private volatile bool _running;

    /// <summary>Whether this instance started the server and has not stopped it since.</summary>
    public bool IsRunning => _running;

    /// <summary>The configured data directory (possibly a symlink to where the cluster really lives).</summary>
    public string DataDirectory => _dataDirectory;

    /// <summary>The directory the cluster really lives in; known once started.</summary>
    public string ClusterDirectory => _clusterDirectory ?? throw NotStartedYet();

    /// <summary>The server log pg_ctl appends to.</summary>
    public string LogFile => Path.Combine(_clusterDirectory ?? _dataDirectory, LogFileName);

    /// <summary>Npgsql connection string over the unix socket; available once started (it stays valid across restarts).</summary>
    public string ConnectionString
    {
        get
        {
            var builder = new NpgsqlConnectionStringBuilder
            {
                Host = _socketDirectory ?? throw NotStartedYet(),
                Port = _port,
                Username = PostgresAccount.UserName,
                Database = "postgres",
                Timeout = 5,
                CommandTimeout = 30,
                MaxPoolSize = 100,
            };
            return builder.ConnectionString;
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_running)
            {
                return;
            }

            await PostgresAccount.EnsureExistsAsync(cancellationToken);
            var cluster = await PrepareClusterDirectoryAsync(cancellationToken);
            var majorVersion = ReadMajorVersion(cluster);
            _binDirectory = await PostgresBinaries.ResolveAsync(options.BinDirectory, majorVersion, cancellationToken);
            if (majorVersion is null)
            {
                await InitDbAsync(cluster, cancellationToken);
            }
            else
            {
                await PostgresAccount.EnsureOwnsTreeAsync(cluster, cancellationToken);
            }

            _clusterDirectory = cluster;
            _socketDirectory = await PrepareSocketDirectoryAsync(cluster, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();

            if (await IsClusterRunningAsync(cluster))
            {
                // A kubelike that crashed leaves its postmaster behind; its settings may differ from ours.
                logger.LogWarning("PostgreSQL in {ClusterDirectory} is still running (left behind by an earlier server); stopping it to start afresh", cluster);
                await StopClusterAsync(cluster);
            }

            logger.LogInformation("starting PostgreSQL in {ClusterDirectory}", cluster);
            var stopwatch = Stopwatch.StartNew();
            await StartClusterAsync(cluster);
            _running = true;
            logger.LogInformation("PostgreSQL started in {ElapsedMs} ms (socket {SocketDirectory}, port {Port})", stopwatch.ElapsedMilliseconds, _socketDirectory, _port);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Stops the server (fast shutdown: open sessions are disconnected). The token only bounds the wait for
    /// a concurrent start/stop; once pg_ctl runs it is left to finish, bounded by its own timeout.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_running)
            {
                return;
            }

            logger.LogInformation("stopping PostgreSQL in {ClusterDirectory}", _clusterDirectory);
            var stopwatch = Stopwatch.StartNew();
            await StopClusterAsync(_clusterDirectory!);
            _running = false;
            logger.LogInformation("PostgreSQL stopped in {ElapsedMs} ms", stopwatch.ElapsedMilliseconds);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Stops the server and deletes the cluster with everything in it, including a relocated cluster and the
    /// symlink to it and a socket directory under /tmp. For tests and benchmarks: deleting only the data
    /// directory would leave a relocated cluster behind.
    /// </summary>
    public async Task DeleteAsync(CancellationToken cancellationToken = default)
    {
        await StopAsync(cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var info = new DirectoryInfo(_dataDirectory);
            if (info.LinkTarget is not null)
            {
                if (info.ResolveLinkTarget(returnFinalTarget: true) is { Exists: true } target)
                {
                    Directory.Delete(target.FullName, recursive: true);
                }

                // unlink(2) the symlink itself; DirectoryInfo.Delete would follow it to the removed target.
                File.Delete(_dataDirectory);
            }
            else if (info.Exists)
            {
                info.Delete(recursive: true);
            }

            if (_socketDirectory is not null && _socketDirectory != _clusterDirectory && Directory.Exists(_socketDirectory))
            {
                Directory.Delete(_socketDirectory, recursive: true);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            logger.LogError("could not stop PostgreSQL: {Reason}", e.Message);
        }

        _gate.Dispose();
    }

    private static InvalidOperationException NotStartedYet() => new("the embedded PostgreSQL has not been started yet");

    private static string? ReadMajorVersion(string cluster)
    {
        var file = Path.Combine(cluster, "PG_VERSION");
        return File.Exists(file) ? File.ReadAllText(file).Trim() : null;
    }

    private static string ShortHash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];

    private static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    [GeneratedRegex("^[a-z_][a-z0-9_.]*$")]
    private static partial Regex SettingName();

    /// <summary>
    /// Returns the directory the cluster lives in, created and owned by the account PostgreSQL runs under.
    /// When root runs us and the postgres user cannot reach the data directory (say it is under /root),
    /// the cluster goes under <see cref="RelocationRoot"/> with a symlink from the data directory, rather
    /// than loosening permissions of directories that belong to the user.
    /// </summary>
    private async Task<string> PrepareClusterDirectoryAsync(CancellationToken cancellationToken)
    {
        var path = _dataDirectory;
        var info = new DirectoryInfo(path);
        if (info.LinkTarget is not null)
        {
            var target = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? throw new InvalidOperationException($"cannot resolve the symlink {path}");
            await PostgresAccount.CreatePrivateDirectoryAsync(target, cancellationToken);
            return target;
        }

        var parent = Path.GetDirectoryName(path) ?? throw new InvalidOperationException($"{path} cannot be a PostgreSQL data directory");
        Directory.CreateDirectory(parent);
        if (await PostgresAccount.CanTraverseAsync(parent, cancellationToken))
        {
            await PostgresAccount.CreatePrivateDirectoryAsync(path, cancellationToken);
            return path;
        }

        if (Directory.Exists(path))
        {
            if (Directory.EnumerateFileSystemEntries(path).Any())
            {
                throw new InvalidOperationException(
                    $"the {PostgresAccount.UserName} user cannot reach {path} (a parent directory is not searchable by it) and the directory is not empty; move it somewhere {PostgresAccount.UserName} can reach");
            }

            Directory.Delete(path);
        }

        var relocated = Path.Combine(RelocationRoot, "postgres-" + ShortHash(path));
        Directory.CreateDirectory(RelocationRoot, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        await PostgresAccount.CreatePrivateDirectoryAsync(relocated, cancellationToken);
        Directory.CreateSymbolicLink(path, relocated);
        logger.LogInformation("the {User} user cannot reach {Parent}; the cluster lives in {Relocated}, linked from {Path}", PostgresAccount.UserName, parent, relocated, path);
        return relocated;
    }

    /// <summary>
    /// initdb into a staging directory that is renamed into place when complete, so that an interrupted
    /// initdb never leaves a half-made cluster that later starts would mistake for a real one.
    /// </summary>
    private async Task InitDbAsync(string cluster, CancellationToken cancellationToken)
    {
        if (Directory.EnumerateFileSystemEntries(cluster).Any())
        {
            throw new InvalidOperationException($"{cluster} is not empty but holds no PostgreSQL cluster (no PG_VERSION); remove it or choose another data directory");
        }

        var staging = cluster + ".initdb";
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        await PostgresAccount.CreatePrivateDirectoryAsync(staging, cancellationToken);
        logger.LogInformation("initdb: creating a PostgreSQL cluster in {ClusterDirectory}", cluster);
        var stopwatch = Stopwatch.StartNew();
        List<string> arguments = ["-D", staging, "-U", PostgresAccount.UserName, "-A", "trust", "-E", "UTF8", "--no-locale"];
        if (!options.Durable)
        {
            arguments.Add("--no-sync");
        }

        var result = await PostgresAccount.RunAsync(Tool("initdb"), arguments, TimeSpan.FromMinutes(3), cancellationToken);
        if (!result.Succeeded)
        {
            Directory.Delete(staging, recursive: true);
            throw new InvalidOperationException($"initdb failed for {cluster} (exit {result.ExitCode}): {result.Output}");
        }

        Directory.Delete(cluster);
        Directory.Move(staging, cluster);
        logger.LogInformation("initdb: done in {ElapsedMs} ms", stopwatch.ElapsedMilliseconds);
    }

    /// <summary>
    /// The socket goes into the cluster directory itself unless its path would be longer than a unix
    /// socket address allows; then into a short private directory under /tmp named after the data directory.
    /// </summary>
    private async Task<string> PrepareSocketDirectoryAsync(string cluster, CancellationToken cancellationToken)
    {
        if (Encoding.UTF8.GetByteCount(Path.Combine(cluster, $".s.PGSQL.{_port}")) <= MaxSocketPathBytes)
        {
            return cluster;
        }

        var shortDirectory = Path.Combine("/tmp", "kubelike-pg-" + ShortHash(_dataDirectory));
        if (new DirectoryInfo(shortDirectory).LinkTarget is not null)
        {
            // Never follow a link someone planted under /tmp.
            File.Delete(shortDirectory);
        }

        await PostgresAccount.CreatePrivateDirectoryAsync(shortDirectory, cancellationToken);
        return shortDirectory;
    }

    private string Tool(string name) => Path.Combine(_binDirectory!, name);

    private async Task<bool> IsClusterRunningAsync(string cluster)
    {
        // pg_ctl status: 0 running, 3 not running, 4 no usable data directory.
        var result = await PostgresAccount.RunAsync(Tool("pg_ctl"), ["status", "-D", cluster], QuickToolTimeout);
        return result.Succeeded;
    }

    private async Task StartClusterAsync(string cluster)
    {
        var timeoutSeconds = ((int)Math.Ceiling(options.StartStopTimeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        List<string> arguments = ["start", "-D", cluster, "-w", "-t", timeoutSeconds, "-l", LogFile, "-o", ServerArguments()];
        ProcessResult result;
        try
        {
            result = await PostgresAccount.RunAsync(Tool("pg_ctl"), arguments, options.StartStopTimeout + TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException e)
        {
            result = new ProcessResult(-1, e.Message);
        }

        if (result.Succeeded)
        {
            return;
        }

        // A start that timed out may still complete later: leave nothing running behind the error.
        await PostgresAccount.RunAsync(Tool("pg_ctl"), ["stop", "-D", cluster, "-m", "immediate", "-w", "-t", "10"], QuickToolTimeout);
        throw new InvalidOperationException(
            $"PostgreSQL failed to start in {cluster} (pg_ctl exit {result.ExitCode}): {result.Output}{LogTail()}");
    }

    private async Task StopClusterAsync(string cluster)
    {
        var timeoutSeconds = ((int)Math.Ceiling(options.StartStopTimeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var result = await PostgresAccount.RunAsync(
            Tool("pg_ctl"), ["stop", "-D", cluster, "-m", "fast", "-w", "-t", timeoutSeconds], options.StartStopTimeout + TimeSpan.FromSeconds(10));

        // A Ctrl-C in a terminal may reach the postmaster too, which then shuts down by itself: that is fine.
        if (!result.Succeeded && await IsClusterRunningAsync(cluster))
        {
            throw new InvalidOperationException($"PostgreSQL in {cluster} did not stop (pg_ctl exit {result.ExitCode}): {result.Output}{LogTail()}");
        }
    }

    /// <summary>The <c>-o</c> argument of pg_ctl: a shell-quoted list of <c>-c name=value</c>.</summary>
    private string ServerArguments()
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // Room for a full client pool (100) plus a second server and tools.
            ["max_connections"] = "200",
        };
        if (!options.Durable)
        {
            settings["fsync"] = "off";
            settings["synchronous_commit"] = "off";
            settings["full_page_writes"] = "off";
        }

        foreach (var (name, value) in options.Settings)
        {
            settings[name] = value;
        }

        // These define how we connect, so they always win over Settings.
        settings["listen_addresses"] = options.ListenAddress ?? string.Empty;
        settings["port"] = _port.ToString(CultureInfo.InvariantCulture);
        settings["unix_socket_directories"] = _socketDirectory!;

        var builder = new StringBuilder();
        foreach (var (name, value) in settings)
        {
            if (!SettingName().IsMatch(name))
            {
                throw new ArgumentException($"'{name}' is not a PostgreSQL setting name", nameof(options));
            }

            builder.Append(builder.Length == 0 ? "-c " : " -c ").Append(ShellQuote($"{name}={value}"));
        }

        return builder.ToString();
    }

    private string LogTail()
    {
        const int MaxBytes = 8 * 1024;
        const int MaxLines = 30;
        try
        {
            using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            stream.Seek(Math.Max(0, stream.Length - MaxBytes), SeekOrigin.Begin);
            using var reader = new StreamReader(stream);
            var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            return $"{Environment.NewLine}--- last lines of {LogFile} ---{Environment.NewLine}{string.Join(Environment.NewLine, lines.TakeLast(MaxLines))}";
        }
        catch (IOException)
        {
            return $" (no server log at {LogFile})";
        }
    }
}
