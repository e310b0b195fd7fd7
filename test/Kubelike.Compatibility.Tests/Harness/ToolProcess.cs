using System.Diagnostics;
using System.Text;

namespace Kubelike.Compatibility.Tests.Harness;

/// <summary>Runs a client tool as a child process, to completion or while reading its output as a stream.</summary>
public static class ToolProcess
{
    /// <summary>
    /// A start description with stdin, stdout and stderr redirected. <paramref name="environment"/> overrides the
    /// inherited environment; a null value removes the variable.
    /// </summary>
    public static ProcessStartInfo CreateStartInfo(
        string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        return start;
    }

    /// <summary>
    /// Runs the process to completion, feeding it <paramref name="stdin"/> (stdin is closed at once when null, so a
    /// tool that would prompt gets end-of-file instead of hanging). Throws <see cref="TimeoutException"/>, with
    /// the output so far, after killing the process when it runs longer than <paramref name="timeout"/>.
    /// </summary>
    public static async Task<ToolResult> RunAsync(ProcessStartInfo start, string? stdin, TimeSpan timeout)
    {
        var commandLine = Describe(start);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {commandLine}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await WriteInputAsync(process, stdin);

        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            var partial = new ToolResult(commandLine, process.ExitCode, await stdout, await stderr);
            throw new TimeoutException($"still running after {timeout.TotalSeconds:0} s, killed: {partial}");
        }

        return new ToolResult(commandLine, process.ExitCode, await stdout, await stderr);
    }

    /// <summary>
    /// Starts the process and reads its stdout line by line until <paramref name="until"/>, given every line so
    /// far, returns true, the process ends, or <paramref name="timeout"/> passes; then kills it if it still runs.
    /// </summary>
    public static async Task<WatchResult> WatchAsync(ProcessStartInfo start, Func<IReadOnlyList<string>, bool> until, TimeSpan timeout)
    {
        var commandLine = Describe(start);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {commandLine}");
        var stderr = process.StandardError.ReadToEndAsync();
        await WriteInputAsync(process, null);

        var lines = new List<string>();
        var matched = false;
        using var deadline = new CancellationTokenSource(timeout);
        // Killing the process at the deadline closes its stdout, which ends a pending read whether or not the
        // read itself honours the cancellation.
        await using (deadline.Token.Register(() => KillQuietly(process)))
        {
            try
            {
                while (await process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
                {
                    lines.Add(line);
                    if (until(lines))
                    {
                        matched = true;
                        break;
                    }
                }
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
            }

            int? exitCode = null;
            if (!matched && !deadline.IsCancellationRequested)
            {
                // stdout ended before the condition held: the process is ending on its own; its exit code tells why.
                try
                {
                    await process.WaitForExitAsync(deadline.Token);
                    exitCode = deadline.IsCancellationRequested ? null : process.ExitCode;
                }
                catch (OperationCanceledException)
                {
                }
            }

            KillQuietly(process);
            await process.WaitForExitAsync();
            return new WatchResult(commandLine, matched, lines, await stderr, exitCode);
        }
    }

    /// <summary>The command line, quoted where needed, for messages.</summary>
    public static string Describe(ProcessStartInfo start) =>
        string.Join(' ', new[] { start.FileName }.Concat(start.ArgumentList).Select(Quote));

    private static async Task WriteInputAsync(Process process, string? stdin)
    {
        try
        {
            if (stdin is not null)
            {
                await process.StandardInput.WriteAsync(stdin);
            }

            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The tool exited (or closed stdin) without reading all of it; its exit code and output say why.
        }
    }

    private static void KillQuietly(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,@%+".Contains(c, StringComparison.Ordinal))
            ? argument
            : $"'{argument.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
