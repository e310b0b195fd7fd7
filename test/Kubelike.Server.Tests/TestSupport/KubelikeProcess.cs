using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Kubelike.Server.Tests.TestSupport;

/// <summary>The real <c>kubelike</c> executable (kubelike.dll, copied next to the tests) run as a child process.</summary>
internal sealed class KubelikeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private KubelikeProcess(Process process)
    {
        _process = process;
    }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Everything the process wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static KubelikeProcess Start(params string[] arguments)
    {
        var dll = Path.Combine(TestContext.CurrentContext.TestDirectory, "kubelike.dll");
        Assert.That(File.Exists(dll), Is.True, $"{dll} should be built next to the tests");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

        // A shell starts background jobs with SIGINT ignored, and a test host started that way passes it on;
        // env --default-signal gives kubelike the SIGINT a terminal's Ctrl-C would deliver. env execs, so
        // the pid is kubelike's own.
        var start = new ProcessStartInfo("env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["--default-signal=INT", dotnet, dll, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        var result = new KubelikeProcess(process);
        process.OutputDataReceived += (_, e) => result.Append(e.Data);
        process.ErrorDataReceived += (_, e) => result.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return result;
    }

    /// <summary>Waits for the process to end and returns its exit code; fails the test when it does not end in time.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"kubelike (pid {Pid}) did not exit within {timeout.TotalSeconds:0} s. Output:{Environment.NewLine}{Output}");
        }

        return _process.ExitCode;
    }

    /// <summary>Sends a signal such as INT (what Ctrl-C sends) or TERM to the process alone.</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-s", signal, Pid.ToString(CultureInfo.InvariantCulture)]))!;
        await kill.WaitForExitAsync();
        Assert.That(kill.ExitCode, Is.Zero, $"kill -s {signal} {Pid}");
    }

    /// <summary>SIGKILL, as a crash: nothing runs on the way out.</summary>
    public async Task CrashAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        TestContext.Out.WriteLine($"--- kubelike (pid {Pid}) output ---{Environment.NewLine}{Output}");
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
