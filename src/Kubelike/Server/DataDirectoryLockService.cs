using Kubelike.Storage.Embedded;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kubelike.Server;

/// <summary>Registered first so that it starts before, and stops after, everything that uses the data directory.</summary>
internal sealed class DataDirectoryLockService(ServerOptions options, ILogger<DataDirectoryLockService> logger) : IHostedService, IDisposable
{
    private DataDirectoryLock? _lock;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _lock = DataDirectoryLock.Acquire(options.DataDirectory);
        logger.LogInformation("locked the data directory {DataDirectory}", options.DataDirectory);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _lock, null) is { } held)
        {
            held.Dispose();
            logger.LogInformation("released the data directory {DataDirectory}", options.DataDirectory);
        }

        return Task.CompletedTask;
    }

    public void Dispose() => Interlocked.Exchange(ref _lock, null)?.Dispose();
}
