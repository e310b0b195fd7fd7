using Kubelike.Node.Tests.Cri;

namespace Kubelike.Node.Tests;

/// <summary>
/// The containerd the CRI and agent tests talk to (a set-up fixture of the whole test namespace): the one in KUBELIKE_TEST_CONTAINERD_DIR (as hack/run-tests.sh starts it with
/// hack/containerd.sh), or, when unset, one started here with the same script, with a state directory, bridge, pod
/// subnet and cgroup root of its own, and stopped (host changes undone, directory removed) at the end.
/// </summary>
[SetUpFixture]
public sealed class TestContainerd
{
    private static ContainerdInstance? _instance;
    private static bool _startedHere;

    public static ContainerdInstance Instance => _instance ?? throw new InvalidOperationException("test containerd not started");

    public static string StateDirectory => Instance.StateDirectory;

    public static string Socket => Instance.Socket;

    public static string Bridge => Instance.Bridge;

    public static string PodCidr => Instance.PodCidr;

    public static string CgroupRoot => Instance.CgroupRoot;

    public static int ProcessId => Instance.ProcessId;

    [OneTimeSetUp]
    public void Start()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("KUBELIKE_TEST_CONTAINERD_DIR");
        _startedHere = string.IsNullOrEmpty(fromEnvironment);
        _instance = _startedHere ? ContainerdInstance.StartNew() : ContainerdInstance.Existing(fromEnvironment!);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        if (_startedHere)
            _instance?.StopAndDelete();
    }
}
