using Kubelike.Storage.Embedded;
using Npgsql;

namespace Kubelike.Server.Tests.Embedded;

[TestFixture]
public sealed class PostgresEndpointTests
{
    [Test]
    public void AFullUrlBecomesTheMatchingConnectionString()
    {
        var result = Parse("postgres://kube:s%40cr%3At@db.internal:5433/kubelike?sslmode=disable&application_name=kubelike%20server&connect_timeout=7");

        Assert.Multiple(() =>
        {
            Assert.That(result.Host, Is.EqualTo("db.internal"));
            Assert.That(result.Port, Is.EqualTo(5433));
            Assert.That(result.Username, Is.EqualTo("kube"));
            Assert.That(result.Password, Is.EqualTo("s@cr:t"), "percent-decoded");
            Assert.That(result.Database, Is.EqualTo("kubelike"));
            Assert.That(result.SslMode, Is.EqualTo(SslMode.Disable));
            Assert.That(result.ApplicationName, Is.EqualTo("kubelike server"));
            Assert.That(result.Timeout, Is.EqualTo(7));
        });
    }

    [TestCase("postgresql://localhost/kl", "localhost", 5432, "kl")]
    [TestCase("POSTGRES://localhost:6000", "localhost", 6000, null)]
    [TestCase("postgres://[::1]:6001/db", "::1", 6001, "db")]
    [TestCase("postgres://10.0.0.5/db?port=6002", "10.0.0.5", 6002, "db")]
    [TestCase("postgres:///kl?host=/var/run/postgresql", "/var/run/postgresql", 5432, "kl")]
    [TestCase("postgres://%2Fvar%2Frun%2Fpostgresql:5444/kl", "/var/run/postgresql", 5444, "kl")]
    public void HostsPortsAndSockets(string url, string host, int port, string? database)
    {
        var result = Parse(url);

        Assert.Multiple(() =>
        {
            Assert.That(result.Host, Is.EqualTo(host));
            Assert.That(result.Port, Is.EqualTo(port));
            Assert.That(result.Database, Is.EqualTo(database));
        });
    }

    [Test]
    public void SeveralHostsBecomeAnNpgsqlHostList()
    {
        var result = Parse("postgres://u@a:5432,b:5433,[fd00::1]:5434/db?target_session_attrs=read-write");

        Assert.That(result.Host, Is.EqualTo("a:5432,b:5433,[fd00::1]:5434"));
        Assert.That(result.TargetSessionAttributes, Is.EqualTo("read-write"));
    }

    [Test]
    public void AnNpgsqlConnectionStringPassesThrough()
    {
        var result = Parse("Host=db;Port=5439;Username=u;Password=p;Database=d;Maximum Pool Size=20");

        Assert.Multiple(() =>
        {
            Assert.That(result.Host, Is.EqualTo("db"));
            Assert.That(result.Port, Is.EqualTo(5439));
            Assert.That(result.Password, Is.EqualTo("p"));
            Assert.That(result.MaxPoolSize, Is.EqualTo(20));
        });
    }

    [TestCase("", "empty")]
    [TestCase("   ", "empty")]
    [TestCase("mysql://root@db/x", "scheme 'mysql'")]
    [TestCase("db.internal", "expected a postgres://")]
    [TestCase("postgres://", "no host")]
    [TestCase("postgres://db:port/x", "'port' is not a port number")]
    [TestCase("postgres://db:70000/x", "'70000' is not a port number")]
    [TestCase("postgres://db/x?wal=1", "unknown URL parameter 'wal'")]
    [TestCase("postgres://db/x?sslmode=sometimes", "sslmode 'sometimes'")]
    [TestCase("postgres://db/x?sslmode", "has no value")]
    [TestCase("postgres://ho%zzst/x", "malformed %-escape")]
    [TestCase("postgres://[::1/x", "closing ']'")]
    [TestCase("Hots=db;Username=u", "hots")]
    [TestCase("Username=u;Database=d", "names no Host")]
    [TestCase("host=db port=5432", "libpq 'key=value key=value'")]
    public void GarbageIsRefusedWithAClearMessage(string endpoint, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => PostgresEndpoint.ToConnectionString(endpoint));

        Assert.That(error.Message, Does.StartWith("invalid datastore endpoint: ").And.Contain(expected));
    }

    [Test]
    public void AnErrorNeverEchoesThePassword()
    {
        var error = Assert.Throws<ArgumentException>(() => PostgresEndpoint.ToConnectionString("postgres://u:hunter2@db/x?bogus=1"));

        Assert.That(error.Message, Does.Not.Contain("hunter2"));
    }

    private static NpgsqlConnectionStringBuilder Parse(string endpoint) => new(PostgresEndpoint.ToConnectionString(endpoint));
}
