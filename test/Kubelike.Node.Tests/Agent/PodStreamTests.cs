using System.Diagnostics;
using System.Net;
using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Kubelike.Api.Core.V1;
using Kubelike.Compatibility.Tests.Harness;
using Kubelike.Node.Tests.Cri;
using Kubelike.Testing;
using Container = Kubelike.Api.Core.V1.Container;

namespace Kubelike.Node.Tests.Agent;

/// <summary>
/// <c>kubectl exec</c>, <c>cp</c>, <c>attach</c> and <c>port-forward</c> (kubectl 1.35: WebSocket first, SPDY as its
/// fallback) and the raw WebSocket channel protocols the C# client speaks, through the API server to the node agent
/// and containerd's streaming server, against real busybox containers.
/// </summary>
[TestFixture]
public sealed class PodStreamTests : NodeAgentFixture
{
    private const string Page = "hello-from-pod\n";
    private TempDirectory? _kubectlHome;
    private Kubectl _kubectl = null!;

    [OneTimeSetUp]
    public async Task StartPodsAsync()
    {
        _kubectlHome = new TempDirectory();
        _kubectl = new Kubectl(KubectlVersion.V1_35, Server.Kubeconfig, _kubectlHome.Path);
        var spec = Busybox($"mkdir -p /www && printf '{Page.TrimEnd()}\\n' > /www/index.html && exec httpd -f -p 8080 -h /www");
        spec.Containers!.Add(new Container
        {
            Name = "side",
            Image = CriTestPods.BusyboxImage,
            Command = ["sleep", "3600"],
            Env = [new EnvVar { Name = "WHO", Value = "side" }],
        });
        var web = await CreatePodAsync("web", spec);
        await WaitForPodAsync(web, p => p.Status?.ContainerStatuses?.Count == 2 && p.Status.ContainerStatuses.All(c => c.State?.Running is not null),
            "both containers running");
    }

    [OneTimeTearDown]
    public void RemoveHome() => _kubectlHome?.Dispose();

    [TestCase("true", TestName = "Exec_separates_stdout_and_stderr_and_exits_with_the_commands_code (WebSocket v5)")]
    [TestCase("false", TestName = "Exec_separates_stdout_and_stderr_and_exits_with_the_commands_code (SPDY)")]
    public async Task Exec_separates_stdout_and_stderr_and_exits_with_the_commands_code(string websockets)
    {
        var result = await _kubectl.RunWithEnvironmentAsync(Transport(websockets), "exec", "web", "-c", "main", "--", "sh", "-c", "echo out; echo err >&2; exit 3");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
            Assert.That(result.Stdout, Is.EqualTo("out\n"), result.ToString());
            Assert.That(result.Stderr, Does.StartWith("err\n"), result.ToString());
        });
    }

    [TestCase("true", TestName = "Exec_with_stdin_passes_input_and_its_end (WebSocket v5)")]
    [TestCase("false", TestName = "Exec_with_stdin_passes_input_and_its_end (SPDY)")]
    public async Task Exec_with_stdin_passes_input_and_its_end(string websockets)
    {
        var input = string.Concat(Enumerable.Range(0, 2000).Select(i => $"line {i}\n"));

        var result = await RunKubectlAsync(Transport(websockets), input, "exec", "-i", "web", "-c", "main", "--", "cat");

        Assert.That((result.ExitCode, result.Stdout), Is.EqualTo((0, input)), result.ToString());
    }

    [Test]
    public async Task Exec_runs_in_the_named_container()
    {
        var result = await _kubectl.RunAsync("exec", "web", "-c", "side", "--", "sh", "-c", "echo $WHO");

        Assert.That((result.ExitCode, result.Stdout), Is.EqualTo((0, "side\n")), result.ToString());
    }

    [Test]
    public async Task Exec_refusals_are_statuses_for_a_missing_pod_an_unknown_container_and_one_not_running()
    {
        var pod = await CreatePodAsync("noimage", Busybox("true", image: "kubelike.local/does-not-exist:1"));
        await WaitForPodAsync(pod, p => p.Status?.ContainerStatuses?.SingleOrDefault()?.State?.Waiting is not null, "waiting");

        var missing = await UpgradeRefusalAsync("absent/exec?command=true&stdout=true");
        var unknownContainer = await UpgradeRefusalAsync("web/exec?command=true&stdout=true&container=nope");
        var notRunning = await UpgradeRefusalAsync("noimage/exec?command=true&stdout=true");
        var noStreams = await UpgradeRefusalAsync("web/exec?command=true&container=main");
        var kubectl = await _kubectl.RunAsync("exec", "noimage", "--", "true");

        Assert.Multiple(() =>
        {
            Assert.That((missing.Code, missing.Reason, missing.Message), Is.EqualTo((404, "NotFound", "pods \"absent\" not found")));
            Assert.That((unknownContainer.Code, unknownContainer.Message), Is.EqualTo((400, "container nope is not valid for pod web")));
            Assert.That(notRunning.Code, Is.EqualTo(400));
            Assert.That(notRunning.Message, Does.Match("^container \"main\" in pod \"noimage\" is waiting to start: (ErrImagePull|ImagePullBackOff)$"));
            Assert.That((noStreams.Code, noStreams.Message), Is.EqualTo((400, "you must specify at least 1 of stdin, stdout, stderr")));
            Assert.That(kubectl.ExitCode, Is.Not.Zero, kubectl.ToString());
            Assert.That(kubectl.Stderr, Does.Contain("is waiting to start"), kubectl.ToString());
        });
    }

    [Test]
    public async Task Cp_copies_a_file_into_the_pod_and_back_out()
    {
        var local = Path.Combine(_kubectlHome!.Path, "upload.txt");
        var content = string.Concat(Enumerable.Range(0, 500).Select(i => $"payload {i}\n"));
        await File.WriteAllTextAsync(local, content);
        var back = Path.Combine(_kubectlHome.Path, "download.html");

        var upload = await _kubectl.RunAsync("cp", local, "default/web:/tmp/upload.txt", "-c", "main");
        var inPod = await _kubectl.RunAsync("exec", "web", "-c", "main", "--", "cat", "/tmp/upload.txt");
        var download = await _kubectl.RunAsync("cp", "default/web:/www/index.html", back, "-c", "main");

        Assert.Multiple(() =>
        {
            Assert.That(upload.ExitCode, Is.Zero, upload.ToString());
            Assert.That(inPod.Stdout, Is.EqualTo(content), inPod.ToString());
            Assert.That(download.ExitCode, Is.Zero, download.ToString());
            Assert.That(File.Exists(back) ? File.ReadAllText(back) : "(no file)", Is.EqualTo(Page), download.ToString());
        });
    }

    [Test]
    public async Task Attach_shows_the_output_the_container_writes()
    {
        var pod = await CreatePodAsync("ticker", Busybox("i=0; while true; do echo tick $i; i=$((i+1)); sleep 0.3; done"));
        await WaitForPodAsync(pod, p => p.Status?.Phase == "Running", "Running");

        var attached = await _kubectl.WatchAsync(["attach", "ticker", "-c", "main"], lines => lines.Count(l => l.StartsWith("tick ", StringComparison.Ordinal)) >= 2);

        Assert.That(attached.Matched, Is.True, attached.ToString());
    }

    [Test]
    public async Task Attach_with_stdin_reaches_a_container_reading_its_stdin()
    {
        var spec = Busybox("while read line; do echo got $line; done; echo bye", restartPolicy: "Never");
        spec.Containers![0].Stdin = true;
        spec.Containers[0].StdinOnce = true;
        var pod = await CreatePodAsync("reader", spec);
        await WaitForPodAsync(pod, p => p.Status?.Phase == "Running", "Running");

        var result = await RunKubectlAsync(Transport("true"), "ping\npong\n", "attach", "-i", "reader", "-c", "main");

        Assert.That(result.Stdout, Does.Contain("got ping\ngot pong\n"), result.ToString());
    }

    [TestCase("true", TestName = "Port_forward_reaches_a_server_in_the_pod (SPDY in WebSocket)")]
    [TestCase("false", TestName = "Port_forward_reaches_a_server_in_the_pod (SPDY)")]
    public async Task Port_forward_reaches_a_server_in_the_pod(string websockets)
    {
        var port = NetworkPorts.FindFree();
        var environment = new Dictionary<string, string?> { ["KUBECTL_PORT_FORWARD_WEBSOCKETS"] = websockets };
        using var forward = StartKubectl(environment, "port-forward", "pod/web", $"{port}:8080");
        try
        {
            // kubectl prints "Forwarding from 127.0.0.1:PORT -> 8080" once it listens.
            using (var listening = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
            {
                while (await forward.StandardOutput.ReadLineAsync(listening.Token) is { } line && !line.StartsWith("Forwarding from", StringComparison.Ordinal))
                {
                }
            }

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };

            var first = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/index.html"));
            var second = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/index.html"));

            Assert.That((first, second), Is.EqualTo((Page, Page)));
        }
        finally
        {
            forward.Kill(entireProcessTree: true);
            await forward.WaitForExitAsync();
        }
    }

    [Test]
    public async Task WebSocket_v5_exec_sends_each_stream_on_its_channel_and_the_exit_status_on_channel_3()
    {
        using var socket = await ConnectAsync("web/exec?container=main&command=sh&command=-c&command=echo%20out%3B%20echo%20err%20%3E%262%3B%20exit%203&stdout=true&stderr=true",
            "v5.channel.k8s.io");
        var messages = await ReceiveAllAsync(socket);
        var status = JsonNode.Parse(Channel(messages, 3))!;

        Assert.Multiple(() =>
        {
            Assert.That(socket.SubProtocol, Is.EqualTo("v5.channel.k8s.io"));
            Assert.That(Channel(messages, 1), Is.EqualTo("out\n"));
            Assert.That(Channel(messages, 2), Is.EqualTo("err\n"));
            Assert.That(status["status"]?.GetValue<string>(), Is.EqualTo("Failure"));
            Assert.That(status["reason"]?.GetValue<string>(), Is.EqualTo("NonZeroExitCode"));
            Assert.That(status["details"]?["causes"]?[0]?["reason"]?.GetValue<string>(), Is.EqualTo("ExitCode"));
            Assert.That(status["details"]?["causes"]?[0]?["message"]?.GetValue<string>(), Is.EqualTo("3"));
            Assert.That(socket.CloseStatus, Is.EqualTo(WebSocketCloseStatus.NormalClosure));
        });
    }

    [Test]
    public async Task WebSocket_v5_stdin_close_ends_the_commands_input()
    {
        using var socket = await ConnectAsync("web/exec?container=main&command=cat&stdin=true&stdout=true&stderr=true", "v5.channel.k8s.io");
        await SendAsync(socket, 0, "abc\n");
        await SendAsync(socket, 255, "\0");
        var messages = await ReceiveAllAsync(socket);

        Assert.Multiple(() =>
        {
            Assert.That(Channel(messages, 1), Is.EqualTo("abc\n"));
            Assert.That(JsonNode.Parse(Channel(messages, 3))?["status"]?.GetValue<string>(), Is.EqualTo("Success"));
        });
    }

    [Test]
    public async Task WebSocket_v5_tty_takes_the_terminal_size_from_resize_messages()
    {
        // containerd applies a resize asynchronously: the command polls the terminal size (for at most 10 s) instead of
        // reading it once, which raced the resize on a loaded machine.
        const string script = "for i in $(seq 1 100); do s=$(stty size 2>/dev/null); [ \"$s\" = \"45 123\" ] && break; sleep 0.1; done; echo \"size $s\"";
        using var socket = await ConnectAsync($"web/exec?container=main&command=sh&command=-c&command={Uri.EscapeDataString(script)}&stdin=true&stdout=true&tty=true",
            "v5.channel.k8s.io");
        await SendAsync(socket, 4, "{\"Width\":123,\"Height\":45}");
        var messages = await ReceiveAllAsync(socket);

        Assert.That(Channel(messages, 1), Does.Contain("size 45 123"));
    }

    [Test]
    public async Task WebSocket_v4_exec_as_the_csharp_client_speaks_it_reports_the_exit_status()
    {
        using var socket = await ConnectAsync("web/exec?container=main&command=sh&command=-c&command=echo%20hi%3B%20exit%207&stdout=true&stderr=true", "v4.channel.k8s.io");
        var messages = await ReceiveAllAsync(socket);
        var status = JsonNode.Parse(Channel(messages, 3))!;

        Assert.Multiple(() =>
        {
            Assert.That(Channel(messages, 1), Is.EqualTo("hi\n"));
            Assert.That(status["details"]?["causes"]?[0]?["message"]?.GetValue<string>(), Is.EqualTo("7"));
        });
    }

    [Test]
    public async Task WebSocket_port_forward_as_the_csharp_client_speaks_it_carries_a_tcp_exchange()
    {
        using var socket = await ConnectAsync("web/portforward?ports=8080", "v4.channel.k8s.io");
        var data = new List<byte>();
        var portAnnouncements = 0;
        var sent = false;
        var buffer = new byte[64 * 1024];
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!Encoding.ASCII.GetString(data.ToArray()).Contains(Page, StringComparison.Ordinal))
        {
            var (channel, payload) = await ReceiveMessageAsync(socket, buffer, deadline.Token);
            if (channel is null)
                break;
            if (payload.Length == 2 && BitConverter.ToUInt16(payload) == 8080 && portAnnouncements < 2)
            {
                // The first message on the data (0) and error (1) channel names the port.
                portAnnouncements++;
            }
            else if (channel == 0)
            {
                data.AddRange(payload);
            }

            if (portAnnouncements == 2 && !sent)
            {
                await SendAsync(socket, 0, "GET /index.html HTTP/1.0\r\n\r\n");
                sent = true;
            }
        }

        var response = Encoding.ASCII.GetString(data.ToArray());
        Assert.Multiple(() =>
        {
            Assert.That(portAnnouncements, Is.EqualTo(2));
            Assert.That(response, Does.StartWith("HTTP/1.").And.EndWith(Page));
        });
    }

    private static Dictionary<string, string?> Transport(string websockets) => new()
    {
        ["KUBECTL_REMOTE_COMMAND_WEBSOCKETS"] = websockets,
    };

    private Process StartKubectl(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = ToolProcess.CreateStartInfo(ToolPaths.Require(_kubectl.BinaryPath),
            ["--kubeconfig", _kubectl.Kubeconfig, "--cache-dir", _kubectl.CacheDirectory, .. args],
            new Dictionary<string, string?>(environment) { ["KUBECONFIG"] = null, ["HOME"] = _kubectl.CacheDirectory });
        return Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start");
    }

    private Task<ToolResult> RunKubectlAsync(IReadOnlyDictionary<string, string?> environment, string stdin, params string[] args)
    {
        var start = ToolProcess.CreateStartInfo(ToolPaths.Require(_kubectl.BinaryPath),
            ["--kubeconfig", _kubectl.Kubeconfig, "--cache-dir", _kubectl.CacheDirectory, .. args],
            new Dictionary<string, string?>(environment) { ["KUBECONFIG"] = null, ["HOME"] = _kubectl.CacheDirectory });
        return ToolProcess.RunAsync(start, stdin, Kubectl.DefaultTimeout);
    }

    private async Task<ClientWebSocket> ConnectAsync(string podPathAndQuery, string protocol)
    {
        var socket = new ClientWebSocket();
        socket.Options.ClientCertificates.Add(X509Certificate2.CreateFromPemFile(Server.AdminCertificatePath, Server.AdminKeyPath));
        socket.Options.RemoteCertificateValidationCallback = ClusterCaTrust.Validator(Server.CaCertificatePath);
        socket.Options.AddSubProtocol(protocol);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await socket.ConnectAsync(new Uri($"wss://{Server.BaseUrl.Authority}/api/v1/namespaces/default/pods/{podPathAndQuery}"), deadline.Token);
        return socket;
    }

    /// <summary>The refusal of a WebSocket handshake: its HTTP code and the Status it carries.</summary>
    private async Task<(int Code, string? Reason, string? Message)> UpgradeRefusalAsync(string podPathAndQuery)
    {
        using var http = Server.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/namespaces/default/pods/{podPathAndQuery}")
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.TryAddWithoutValidation("Connection", "Upgrade");
        request.Headers.TryAddWithoutValidation("Upgrade", "websocket");
        request.Headers.TryAddWithoutValidation("Sec-WebSocket-Version", "13");
        request.Headers.TryAddWithoutValidation("Sec-WebSocket-Key", Convert.ToBase64String(Guid.NewGuid().ToByteArray()));
        request.Headers.TryAddWithoutValidation("Sec-WebSocket-Protocol", "v5.channel.k8s.io");
        using var response = await http.SendAsync(request);
        var status = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(status?["kind"]?.GetValue<string>(), Is.EqualTo("Status"), $"{(int)response.StatusCode}: {status}");
        return ((int)response.StatusCode, status?["reason"]?.GetValue<string>(), status?["message"]?.GetValue<string>());
    }

    private static async Task SendAsync(WebSocket socket, byte channel, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var message = new byte[bytes.Length + 1];
        message[0] = channel;
        bytes.CopyTo(message, 1);
        await socket.SendAsync(message, WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);
    }

    /// <summary>Every message until the server closes the socket, as (channel, payload).</summary>
    private static async Task<List<(byte Channel, byte[] Payload)>> ReceiveAllAsync(WebSocket socket)
    {
        var messages = new List<(byte, byte[])>();
        var buffer = new byte[64 * 1024];
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await ReceiveMessageAsync(socket, buffer, deadline.Token) is ({ } channel, var payload))
            messages.Add((channel, payload));
        return messages;
    }

    private static async Task<(byte? Channel, byte[] Payload)> ReceiveMessageAsync(WebSocket socket, byte[] buffer, CancellationToken cancellationToken)
    {
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                if (socket.State == WebSocketState.CloseReceived)
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", cancellationToken);
                return (null, []);
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                var bytes = message.ToArray();
                if (bytes.Length == 0)
                    continue;
                return (bytes[0], bytes[1..]);
            }
        }
    }

    private static string Channel(List<(byte Channel, byte[] Payload)> messages, byte channel) =>
        Encoding.UTF8.GetString(messages.Where(m => m.Channel == channel).SelectMany(m => m.Payload).ToArray());
}
