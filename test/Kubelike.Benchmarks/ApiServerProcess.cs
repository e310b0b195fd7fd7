using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Kubelike.Testing;

namespace Kubelike.Benchmarks;

/// <summary>
/// The real <c>kubelike server</c> (kubelike.dll, built next to the benchmark) as a child process with its own
/// temporary data directory (embedded, durable PostgreSQL) and a free port. Disposing it stops it with SIGTERM
/// and deletes its data.
/// </summary>
internal sealed class ApiServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);
    private const int OutputLines = 200;

    private readonly string _directory;
    private readonly Process _process;
    private readonly Queue<string> _output = new();
    private bool _stopped;

    private ApiServerProcess(string directory, int port, Process process)
    {
        _directory = directory;
        _process = process;
        BaseUrl = new Uri($"https://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
    }

    public Uri BaseUrl { get; }

    public string DataDirectory => Path.Combine(_directory, "data");

    /// <summary>The admin kubeconfig the server writes once it serves.</summary>
    public string Kubeconfig => Path.Combine(DataDirectory, "kubeconfig");

    public int ProcessId => _process.Id;

    private string CaCertificatePath => Path.Combine(DataDirectory, "pki", "ca.crt");

    private string AdminCertificatePath => Path.Combine(DataDirectory, "pki", "admin.crt");

    private string AdminKeyPath => Path.Combine(DataDirectory, "pki", "admin.key");

    /// <summary>The last lines the server wrote to stdout and stderr.</summary>
    public string Output
    {
        get
        {
            lock (_output)
                return string.Join(Environment.NewLine, _output);
        }
    }

    public static async Task<ApiServerProcess> StartAsync(TextWriter progress, CancellationToken cancellationToken)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "kubelike.dll");
        if (!File.Exists(dll))
            throw new FileNotFoundException($"{dll} should be built next to the benchmark (project reference to src/Kubelike)", dll);

        var directory = Directory.CreateTempSubdirectory("kubelike-bench-api-").FullName;
        // 0755: the embedded PostgreSQL runs as the postgres user when the benchmark runs as root.
        File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var port = NetworkPorts.FindFree();
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { dll, "server", "--data-dir", Path.Combine(directory, "data"), "--secure-port", port.ToString(CultureInfo.InvariantCulture), "--no-node" })
            start.ArgumentList.Add(argument);
        var process = new Process { StartInfo = start };
        var server = new ApiServerProcess(directory, port, process);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        try
        {
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            progress.WriteLine($"api: started kubelike server (pid {process.Id}) on {server.BaseUrl}, data in {server.DataDirectory}; waiting for /readyz ...");
            await server.WaitUntilReadyAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A client on its own handler (so its own connection): HTTP/2 over TLS, trusting exactly the cluster CA,
    /// presenting the admin client certificate.
    /// </summary>
    public HttpClient CreateHttpClient(TimeSpan timeout)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            EnableMultipleHttp2Connections = false,
        };
        handler.SslOptions.ClientCertificates = [X509Certificate2.CreateFromPemFile(AdminCertificatePath, AdminKeyPath)];
        handler.SslOptions.RemoteCertificateValidationCallback = ClusterCaTrust.Validator(CaCertificatePath);
        return new HttpClient(handler)
        {
            BaseAddress = BaseUrl,
            Timeout = timeout,
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionOrHigher,
        };
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"bench: could not remove {_directory}: {exception.Message}");
        }
    }

    private async Task StopAsync()
    {
        if (_stopped)
            return;
        _stopped = true;
        try
        {
            if (_process.HasExited)
                return;
        }
        catch (InvalidOperationException)
        {
            return; // never started
        }

        Signal(_process.Id, "TERM");
        using var deadline = new CancellationTokenSource(StopTimeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine($"bench: kubelike did not stop within {StopTimeout.TotalSeconds:0} s of SIGTERM; killing it");
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }
        await StopLeftoverPostmasterAsync();
    }

    private async Task StopLeftoverPostmasterAsync()
    {
        var pidFile = Path.Combine(DataDirectory, "postgres", "postmaster.pid");
        if (!File.Exists(pidFile)
            || !int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            || !Directory.Exists($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}"))
            return;
        Signal(pid, "QUIT");
        var stopwatch = Stopwatch.StartNew();
        while (Directory.Exists($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}") && stopwatch.Elapsed < StopTimeout)
            await Task.Delay(100, CancellationToken.None);
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var last = "no answer yet";
        HttpClient? client = null;
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (_process.HasExited)
                    throw new InvalidOperationException($"kubelike exited with {_process.ExitCode} while starting:{Environment.NewLine}{Output}");
                if (File.Exists(AdminKeyPath) && File.Exists(CaCertificatePath))
                {
                    client ??= CreateHttpClient(TimeSpan.FromSeconds(5));
                    try
                    {
                        using var response = await client.GetAsync(new Uri("readyz", UriKind.Relative), cancellationToken);
                        last = await response.Content.ReadAsStringAsync(cancellationToken);
                        if (response.IsSuccessStatusCode && last == "ok")
                            return;
                    }
                    catch (HttpRequestException exception)
                    {
                        last = exception.Message;
                    }
                    catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
                    {
                        last = exception.Message;
                    }
                }
                if (stopwatch.Elapsed > StartTimeout)
                    throw new TimeoutException($"kubelike was not ready within {StartTimeout.TotalSeconds:0} s; last /readyz answer: {last}{Environment.NewLine}{Output}");
                await Task.Delay(100, cancellationToken);
            }
        }
        finally
        {
            client?.Dispose();
        }
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > OutputLines)
                _output.Dequeue();
        }
    }

    private static void Signal(int pid, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-s", signal, pid.ToString(CultureInfo.InvariantCulture)]))
            ?? throw new InvalidOperationException("could not run kill");
        kill.WaitForExit();
    }
}
