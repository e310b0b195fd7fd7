using Microsoft.Extensions.Logging;

namespace Kubelike.Benchmarks;

internal sealed class StderrLogger(string category, LogLevel minimum) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= minimum;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
            return;
        ArgumentNullException.ThrowIfNull(formatter);
        var line = $"[{logLevel}] {category}: {formatter(state, exception)}";
        Console.Error.WriteLine(exception is null ? line : line + Environment.NewLine + exception);
    }
}
