using System.Text;
using Kubelike.Server.Tests.TestSupport;
using Kubelike.Storage.Embedded;
using Kubelike.Testing;
using Npgsql;

namespace Kubelike.Server.Tests.Embedded;

[TestFixture]
public sealed class EmbeddedPostgresTests
{
    private TempDirectory _directory = null!;
    private readonly List<EmbeddedPostgres> _started = [];

    [SetUp]
    public void SetUp() => _directory = new TempDirectory("kl-pg");

    [TearDown]
    public async Task TearDown()
    {
        foreach (var postgres in _started)
        {
            await postgres.DisposeAsync();
        }

        _started.Clear();
        Postmaster.StopIfRunning(_directory.Combine("pg"));
        _directory.Dispose();
    }

    [Test]
    public async Task StartsAnswersQueriesAndStops()
    {
        var logger = new RecordingLogger<EmbeddedPostgres>();
        var options = new EmbeddedPostgresOptions { DataDirectory = _directory.Combine("pg"), Durable = false };
        options.Settings["max_connections"] = "123";
        var postgres = Track(new EmbeddedPostgres(options, logger));

        await postgres.StartAsync();

        Assert.That(postgres.IsRunning, Is.True);
        Assert.That(File.Exists(_directory.Combine("pg", "PG_VERSION")), Is.True, "initdb made the cluster in the data directory");
        var connection = new NpgsqlConnectionStringBuilder(postgres.ConnectionString);
        Assert.Multiple(() =>
        {
            Assert.That(connection.Host, Is.EqualTo(_directory.Combine("pg")), "the socket lives in the cluster directory");
            Assert.That(connection.Username, Is.EqualTo("postgres"));
            Assert.That(connection.Database, Is.EqualTo("postgres"));
            Assert.That(connection.MaxPoolSize, Is.EqualTo(100));
        });
        Assert.Multiple(async () =>
        {
            Assert.That(await QueryAsync(postgres, "SELECT 40 + 2"), Is.EqualTo("42"));
            Assert.That(await QueryAsync(postgres, "SHOW fsync"), Is.EqualTo("off"), "not durable: fsync off");
            Assert.That(await QueryAsync(postgres, "SHOW synchronous_commit"), Is.EqualTo("off"));
            Assert.That(await QueryAsync(postgres, "SHOW max_connections"), Is.EqualTo("123"), "extra settings are applied");
            Assert.That(await QueryAsync(postgres, "SHOW listen_addresses"), Is.Empty, "no TCP unless asked for");
        });

        await postgres.StopAsync();

        Assert.That(postgres.IsRunning, Is.False);
        Assert.That(Postmaster.ReadPid(_directory.Combine("pg")), Is.Null, "postmaster.pid is gone once stopped");
        Assert.ThrowsAsync<NpgsqlException>(() => QueryAsync(postgres, "SELECT 1"));
        Assert.That(logger.Messages, Has.Some.StartsWith("initdb:"));
        Assert.That(logger.Messages, Has.Some.Match("PostgreSQL started in [0-9]+ ms"));
        Assert.That(logger.Messages, Has.Some.Match("PostgreSQL stopped in [0-9]+ ms"));
    }

    [Test]
    public async Task KeepsDataAcrossRestartsOfTheSameInstanceAndOfANewOne()
    {
        var options = new EmbeddedPostgresOptions { DataDirectory = _directory.Combine("pg"), Durable = true };
        var postgres = Track(new EmbeddedPostgres(options, new RecordingLogger<EmbeddedPostgres>()));
        await postgres.StartAsync();
        Assert.That(await QueryAsync(postgres, "SHOW fsync"), Is.EqualTo("on"), "durable by default");
        Assert.That(Directory.GetFileSystemEntries(_directory.Path), Is.EqualTo(new[] { _directory.Combine("pg") }), "no staging directory is left behind");
        await QueryAsync(postgres, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')");
        var firstPid = Postmaster.ReadPid(postgres.ClusterDirectory);

        await postgres.StopAsync();
        await postgres.StartAsync();

        Assert.That(Postmaster.ReadPid(postgres.ClusterDirectory), Is.Not.EqualTo(firstPid), "a new postmaster");
        Assert.That(await QueryAsync(postgres, "SELECT v FROM kept"), Is.EqualTo("still here"));
        await postgres.StopAsync();

        var logger = new RecordingLogger<EmbeddedPostgres>();
        var again = Track(new EmbeddedPostgres(new EmbeddedPostgresOptions { DataDirectory = _directory.Combine("pg") + "/", Durable = true }, logger));
        await again.StartAsync();
        Assert.That(await QueryAsync(again, "SELECT v FROM kept"), Is.EqualTo("still here"));
        Assert.That(logger.Messages, Has.None.StartsWith("initdb:"), "an existing cluster is reused, not initialised again");
    }

    [Test]
    public async Task TakesOverAPostmasterLeftRunningByAnEarlierServer()
    {
        var options = new EmbeddedPostgresOptions { DataDirectory = _directory.Combine("pg"), Durable = false };
        var crashed = new EmbeddedPostgres(options, new RecordingLogger<EmbeddedPostgres>());
        await crashed.StartAsync();
        var orphanPid = Postmaster.ReadPid(crashed.ClusterDirectory);
        Assert.That(orphanPid, Is.Not.Null);

        // The first instance is abandoned without being stopped, as a crashed server would leave it.
        var logger = new RecordingLogger<EmbeddedPostgres>();
        var successor = Track(new EmbeddedPostgres(options, logger));
        await successor.StartAsync();

        var newPid = Postmaster.ReadPid(successor.ClusterDirectory);
        // pg_ctl stop returns once postmaster.pid is gone, a moment before the process has exited.
        await Poll.UntilAsync(() => !Postmaster.IsProcessAlive(orphanPid!.Value), TimeSpan.FromSeconds(10), "the orphaned postmaster to exit");
        Assert.Multiple(async () =>
        {
            Assert.That(newPid, Is.Not.Null.And.Not.EqualTo(orphanPid));
            Assert.That(await QueryAsync(successor, "SELECT 1"), Is.EqualTo("1"));
            Assert.That(logger.Messages, Has.Some.Contains("still running"));
        });
    }

    [Test]
    public async Task AFailedStartReportsTheTailOfTheServerLog()
    {
        var options = new EmbeddedPostgresOptions { DataDirectory = _directory.Combine("pg"), Durable = false };
        options.Settings["shared_buffers"] = "plenty";
        var postgres = Track(new EmbeddedPostgres(options, new RecordingLogger<EmbeddedPostgres>()));

        var error = Assert.ThrowsAsync<InvalidOperationException>(() => postgres.StartAsync());

        Assert.That(error.Message, Does.Contain("failed to start").And.Contain("shared_buffers").And.Contain("plenty"));
        Assert.That(postgres.IsRunning, Is.False);
        Assert.That(Postmaster.IsRunning(_directory.Combine("pg")), Is.False);
    }

    [Test]
    public async Task UsesAShortSocketDirectoryWhenTheDataDirectoryPathIsTooLong()
    {
        var deep = _directory.Combine(new string('d', 40), new string('e', 40), "pg");
        var options = new EmbeddedPostgresOptions { DataDirectory = deep, Durable = false, Port = 5433 };
        var postgres = Track(new EmbeddedPostgres(options, new RecordingLogger<EmbeddedPostgres>()));

        await postgres.StartAsync();

        var host = new NpgsqlConnectionStringBuilder(postgres.ConnectionString).Host!;
        Assert.Multiple(async () =>
        {
            Assert.That(host, Does.StartWith("/tmp/kubelike-pg-"));
            Assert.That(Encoding.UTF8.GetByteCount(Path.Combine(host, ".s.PGSQL.5433")), Is.LessThanOrEqualTo(107));
            Assert.That(File.GetUnixFileMode(host), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
            Assert.That(await QueryAsync(postgres, "SELECT 1"), Is.EqualTo("1"));
        });
        await postgres.StopAsync();
        Directory.Delete(host, recursive: true);
    }

    [Test]
    public async Task ListensOnTcpWhenAskedTo()
    {
        var port = NetworkPorts.FindFree();
        var options = new EmbeddedPostgresOptions { DataDirectory = _directory.Combine("pg"), Durable = false, Port = port, ListenAddress = "127.0.0.1" };
        var postgres = Track(new EmbeddedPostgres(options, new RecordingLogger<EmbeddedPostgres>()));

        await postgres.StartAsync();

        await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_setting('port')", connection);
        Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo(port.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public async Task AsRootKeepsTheClusterOutsideADirectoryPostgresCannotReach()
    {
        Assume.That(Environment.IsPrivilegedProcess, "only root has to run PostgreSQL as another user");
        var privateParent = _directory.Combine("private");
        Directory.CreateDirectory(privateParent);
        File.SetUnixFileMode(privateParent, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var dataDirectory = Path.Combine(privateParent, "pg");
        var options = new EmbeddedPostgresOptions { DataDirectory = dataDirectory, Durable = false };
        var postgres = Track(new EmbeddedPostgres(options, new RecordingLogger<EmbeddedPostgres>()));
        string? relocated = null;
        try
        {
            await postgres.StartAsync();
            relocated = postgres.ClusterDirectory;

            Assert.Multiple(async () =>
            {
                Assert.That(new DirectoryInfo(dataDirectory).LinkTarget, Is.EqualTo(relocated), "the data directory links to the cluster");
                Assert.That(relocated, Does.StartWith("/var/lib/kubelike/postgres-"));
                Assert.That(File.GetUnixFileMode(privateParent), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute), "the user's directory keeps its permissions");
                Assert.That(await QueryAsync(postgres, "SELECT 1"), Is.EqualTo("1"));
            });
            await QueryAsync(postgres, "CREATE TABLE kept (v int); INSERT INTO kept VALUES (7)");
            await postgres.StopAsync();

            var again = Track(new EmbeddedPostgres(options, new RecordingLogger<EmbeddedPostgres>()));
            await again.StartAsync();
            Assert.That(again.ClusterDirectory, Is.EqualTo(relocated), "a later start follows the link");
            Assert.That(await QueryAsync(again, "SELECT v FROM kept"), Is.EqualTo("7"));
            await again.StopAsync();
        }
        finally
        {
            if (relocated is not null)
            {
                Postmaster.StopIfRunning(relocated);
                Directory.Delete(relocated, recursive: true);
            }
        }
    }

    [Test]
    public void TheConnectionStringIsOnlyKnownOnceStarted()
    {
        var postgres = new EmbeddedPostgres(new EmbeddedPostgresOptions { DataDirectory = _directory.Combine("pg") }, new RecordingLogger<EmbeddedPostgres>());
        Assert.Throws<InvalidOperationException>(() => _ = postgres.ConnectionString);
    }

    private static async Task<string> QueryAsync(EmbeddedPostgres postgres, string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
    }

    private EmbeddedPostgres Track(EmbeddedPostgres postgres)
    {
        _started.Add(postgres);
        return postgres;
    }
}
