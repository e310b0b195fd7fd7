using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Kubelike.Testing;

/// <summary>
/// The real <c>kubelike server</c> (kubelike.dll, built next to the tests) run as a child process with a data
/// directory and port of its own, as clients see it: HTTPS, the cluster CA, the admin kubeconfig.
/// Start it with <see cref="StartAsync"/>; disposing it stops it with SIGTERM and deletes its data.
/// </summary>
public sealed class KubelikeServer : IAsyncDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);

    private const int StartAttempts = 3;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly TempDirectory _directory;
    private readonly IReadOnlyList<string> _arguments;
    private readonly StringBuilder _output = new();
    private Process _process;
    private HttpClient? _httpClient;
    private int? _exitCode;

    private KubelikeServer(TempDirectory directory, int port, IReadOnlyList<string> arguments)
    {
        _directory = directory;
        _arguments = arguments;
        Port = port;
        BaseUrl = new Uri($"https://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        _process = CreateProcess();
    }

    public int Port { get; }

    public Uri BaseUrl { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public string DataDirectory => _directory.Combine("data");

    /// <summary>The admin kubeconfig the server writes (cluster CA, admin client certificate, <see cref="BaseUrl"/>).</summary>
    public string Kubeconfig => Path.Combine(DataDirectory, "kubeconfig");

    public string CaCertificatePath => Path.Combine(DataDirectory, "pki", "ca.crt");

    public string AdminCertificatePath => Path.Combine(DataDirectory, "pki", "admin.crt");

    public string AdminKeyPath => Path.Combine(DataDirectory, "pki", "admin.key");

    /// <summary>Where the embedded PostgreSQL cluster is.</summary>
    public string PostgresDirectory => Path.Combine(DataDirectory, "postgres");

    /// <summary>A shared client for <see cref="BaseUrl"/> that trusts the cluster CA and presents the admin client certificate.</summary>
    public HttpClient HttpClient => _httpClient ??= CreateHttpClient();

    /// <summary>Everything the server wrote to stdout and stderr so far.</summary>
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

    /// <summary>
    /// Starts a server in a fresh temporary directory on a free port and waits until <c>/readyz</c> answers ok.
    /// Fails (throws, with the server's output) when it is not ready within <see cref="StartTimeout"/>.
    /// </summary>
    public static Task<KubelikeServer> StartAsync(CancellationToken cancellationToken = default) => StartAsync([], cancellationToken);

    /// <summary>As <see cref="StartAsync(CancellationToken)"/>, with more <c>kubelike server</c> arguments (e.g. <c>--datastore-endpoint</c>).</summary>
    public static async Task<KubelikeServer> StartAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var server = Launch(arguments);
            try
            {
                await server.WaitUntilReadyAsync(cancellationToken);
                return server;
            }
            catch (InvalidOperationException) when (attempt < StartAttempts && server.HasExited && server.PortWasTaken)
            {
                // The free port was taken between our probe and the server's bind: try another one.
                await server.DisposeAsync();
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>A new client for <see cref="BaseUrl"/> that trusts exactly the cluster CA (HTTP/2 when offered, as Go clients do).</summary>
    /// <param name="clientCertificate">Whether to present the admin client certificate.</param>
    /// <param name="followRedirects">Whether to follow redirects (off to see a 301 itself).</param>
    public HttpClient CreateHttpClient(bool clientCertificate = true, bool followRedirects = true)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1), AllowAutoRedirect = followRedirects };
        if (clientCertificate)
        {
            handler.SslOptions.ClientCertificates = [X509Certificate2.CreateFromPemFile(AdminCertificatePath, AdminKeyPath)];
        }

        handler.SslOptions.RemoteCertificateValidationCallback = ClusterCaTrust.Validator(CaCertificatePath);
        return new HttpClient(handler)
        {
            BaseAddress = BaseUrl,
            Timeout = TimeSpan.FromSeconds(30),
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
    }

    /// <summary>
    /// Stops the server with SIGTERM and returns its exit code; kills it (and a PostgreSQL it left) when it does
    /// not end within <see cref="StopTimeout"/>, and returns -1 then. Once stopped, later calls return the same.
    /// </summary>
    public async Task<int> StopAsync()
    {
        if (_exitCode is { } known)
        {
            return known;
        }

        if (!_process.HasExited)
        {
            Signal(_process.Id, "TERM");
        }

        using var deadline = new CancellationTokenSource(StopTimeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
            _exitCode = _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _exitCode = -1;
            Append($"[harness] kubelike did not stop within {StopTimeout.TotalSeconds:0} s of SIGTERM; killed");
        }

        // A server that was killed (or crashed) leaves its postmaster running; stop it before the data goes.
        await StopLeftoverPostmasterAsync();
        return _exitCode.Value;
    }

    /// <summary>
    /// Stops the server (SIGTERM) and starts it again with the same data directory, port and arguments: the same CA
    /// and kubeconfig, an empty watch cache. Waits until it is ready again.
    /// </summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await StopAsync();
        Append($"[harness] restarting kubelike (exit code {_exitCode})");
        _process.Dispose();
        _process = CreateProcess();
        _exitCode = null;
        StartProcess();
        await WaitUntilReadyAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _httpClient?.Dispose();
        await TestContext.Out.WriteLineAsync($"--- kubelike server (pid {Pid}, {BaseUrl}) exit code {_exitCode} ---{Environment.NewLine}{Output}");
        _process.Dispose();
        _directory.Dispose();
    }

    private static KubelikeServer Launch(IReadOnlyList<string> arguments)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "kubelike.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} should be built next to the tests (project reference to src/Kubelike)", dll);
        }

        var server = new KubelikeServer(new TempDirectory(), NetworkPorts.FindFree(), arguments);
        server.StartProcess();
        return server;
    }

    private Process CreateProcess()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "kubelike.dll");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        // A shell starts background jobs with SIGINT ignored and a test host started that way would pass that on;
        // env --default-signal restores default dispositions. env execs, so the pid is the server's own.
        var start = new ProcessStartInfo("env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            "--default-signal", dotnet, dll, "server", "--data-dir", _directory.Combine("data"), "--secure-port", Port.ToString(CultureInfo.InvariantCulture),
            // No node agent (and so no containerd needed) unless a test asks for one with a runtime endpoint.
            .. _arguments.Contains("--container-runtime-endpoint") ? Array.Empty<string>() : ["--no-node"],
            .. _arguments,
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        return process;
    }

    private void StartProcess()
    {
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Whether the server failed because another process took its port first.</summary>
    private bool PortWasTaken => Output.Contains("address already in use", StringComparison.OrdinalIgnoreCase);

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var last = "no answer yet";
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"kubelike exited with {_process.ExitCode} while starting on port {Port}:{Environment.NewLine}{Output}");
            }

            // The admin certificate exists once the server has written its kubeconfig.
            if (File.Exists(AdminKeyPath) && File.Exists(Kubeconfig))
            {
                last = await GetReadyzAsync(cancellationToken);
                if (last == "ok")
                {
                    return;
                }
            }

            if (stopwatch.Elapsed > StartTimeout)
            {
                throw new TimeoutException(
                    $"kubelike on port {Port} was not ready within {StartTimeout.TotalSeconds:0} s; last /readyz answer: {last}{Environment.NewLine}{Output}");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>The body of /readyz, or why there was none.</summary>
    private async Task<string> GetReadyzAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await HttpClient.GetAsync(new Uri("readyz", UriKind.Relative), cancellationToken);
            return await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException e)
        {
            return $"{e.Message} ({e.InnerException?.Message})";
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            return $"timed out: {e.Message}";
        }
    }

    private async Task StopLeftoverPostmasterAsync()
    {
        var pidFile = Path.Combine(PostgresDirectory, "postmaster.pid");
        if (!File.Exists(pidFile)
            || !int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            || !ProcessState.IsAlive(pid))
        {
            return;
        }

        // SIGQUIT is PostgreSQL's immediate shutdown; the data is thrown away anyway.
        Append($"[harness] stopping the postmaster (pid {pid}) kubelike left running");
        Signal(pid, "QUIT");
        var stopwatch = Stopwatch.StartNew();
        while (ProcessState.IsAlive(pid) && stopwatch.Elapsed < StopTimeout)
        {
            await Task.Delay(PollInterval);
        }
    }

    private static void Signal(int pid, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-s", signal, pid.ToString(CultureInfo.InvariantCulture)]))
            ?? throw new InvalidOperationException("could not run kill");
        kill.WaitForExit();
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
