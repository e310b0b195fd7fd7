using System.Diagnostics;
using System.Globalization;
using Kubelike.Node.Cri;
using Kubelike.Node.Cri.Grpc;
using Kubelike.Node.Cri.V1;

namespace Kubelike.Node.Tests.Cri;

/// <summary>
/// Figures of the runtime floor the node agent stands on: sandbox + container start latency through Kubelike's CRI
/// client, and containerd's memory. They are printed, not asserted (timings vary with the machine's load); what is
/// asserted is that every pod started.
/// </summary>
[TestFixture]
public sealed class CriStartupMeasurements
{
    private const int Runs = 10;

    [TestCase(true, TestName = "Pod start latency on the host network, and containerd's memory")]
    [TestCase(false, TestName = "Pod start latency on the CNI bridge, and containerd's memory")]
    public async Task Measure(bool hostNetwork)
    {
        using var channel = new UnixSocketGrpcChannel(TestContainerd.Socket);
        var runtime = new RuntimeServiceClient(channel);
        await runtime.VersionAsync(new VersionRequest { Version = "v1" }); // connect and JIT outside the measurement
        var idleRss = RssKiB(TestContainerd.ProcessId);

        var startTimes = new List<double>();
        var teardown = Stopwatch.StartNew();
        await using (var pods = new CriTestPods(runtime))
        {
            for (var i = 0; i < Runs; i++)
            {
                var config = CriTestPods.SandboxConfig($"latency-{i}", hostNetwork);
                var stopwatch = Stopwatch.StartNew();
                var sandboxId = await pods.RunSandboxAsync(config);
                await pods.StartContainerAsync(sandboxId, config, CriTestPods.BusyboxContainer("main", "sleep", "3600"));
                startTimes.Add(stopwatch.Elapsed.TotalMilliseconds);
            }

            var running = await runtime.ListContainersAsync(new ListContainersRequest
            {
                Filter = new ContainerFilter { State = new ContainerStateValue { State = ContainerState.ContainerRunning } },
            });
            Assert.That(running.Containers, Has.Count.EqualTo(Runs));

            var busyRss = RssKiB(TestContainerd.ProcessId);
            var shims = TestContainerd.Instance.ShimProcessIds();
            var shimRss = shims.Sum(RssKiB);
            startTimes.Sort();
            var network = hostNetwork ? "host network" : "CNI bridge";
            TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"pod start (RunPodSandbox + CreateContainer + StartContainer), {network}, {Runs} pods one after another: " +
                $"p50 {Percentile(startTimes, 0.5):0} ms, min {startTimes[0]:0} ms, max {startTimes[^1]:0} ms"));
            TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"containerd RSS: {idleRss / 1024.0:0.0} MiB before, {busyRss / 1024.0:0.0} MiB with {Runs} pods; " +
                $"{shims.Count} shims, {shimRss / 1024.0:0.0} MiB RSS together"));
            teardown.Restart();
        }
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"teardown of {Runs} pods (stop 0 s, remove, stop and remove sandbox): {teardown.Elapsed.TotalMilliseconds / Runs:0} ms per pod; " +
            $"containerd RSS after: {RssKiB(TestContainerd.ProcessId) / 1024.0:0.0} MiB"));
    }

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1];

    private static long RssKiB(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        return 0;
    }
}
