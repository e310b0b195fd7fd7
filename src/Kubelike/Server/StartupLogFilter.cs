using Microsoft.Extensions.Logging;

namespace Kubelike.Server;

/// <summary>
/// Keeps the generic host's "Hosting failed to start" error, with its stack trace, off the console: a failed
/// start is reported by <see cref="ServerRunner"/> as one line. Once started, the host logs as usual.
/// </summary>
internal sealed class StartupLogFilter
{
    public const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    private volatile bool _started;

    public void MarkStarted() => _started = true;

    public bool Allows(LogLevel level) => level >= (_started ? LogLevel.Information : LogLevel.Critical);
}
