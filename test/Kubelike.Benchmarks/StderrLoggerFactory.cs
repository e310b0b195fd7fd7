using Microsoft.Extensions.Logging;

namespace Kubelike.Benchmarks;

/// <summary>
/// Sends the store's and EmbeddedPostgres's log lines to stderr so they never mix with the figures on stdout.
/// Only Microsoft.Extensions.Logging.Abstractions is referenced, hence this instead of a console provider.
/// </summary>
internal sealed class StderrLoggerFactory(LogLevel minimum) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new StderrLogger(categoryName, minimum);

    public void AddProvider(ILoggerProvider provider) =>
        throw new NotSupportedException("the benchmark logs to stderr only");

    public void Dispose()
    {
    }
}
