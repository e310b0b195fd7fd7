using Kubelike.Storage.Embedded;
using Microsoft.Extensions.Hosting;

namespace Kubelike.Server;

/// <summary>Runs the embedded PostgreSQL for as long as the host runs.</summary>
internal sealed class EmbeddedPostgresService(EmbeddedPostgres postgres) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => postgres.StartAsync(cancellationToken);

    // Not the host's token: abandoning pg_ctl midway would leave PostgreSQL running; it has its own timeout.
    public Task StopAsync(CancellationToken cancellationToken) => postgres.StopAsync(CancellationToken.None);
}
