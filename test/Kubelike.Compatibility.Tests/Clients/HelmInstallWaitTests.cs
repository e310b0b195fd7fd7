using System.Globalization;
using System.Text.Json.Nodes;
using Kubelike.Client.Configuration;
using Kubelike.Client.Rest;
using Kubelike.Compatibility.Tests.Harness;
using Kubelike.Compatibility.Tests.TestSupport;
using Kubelike.Node.Hollow;

namespace Kubelike.Compatibility.Tests.Clients;

/// <summary>
/// <c>helm install --wait</c> of the chart in <c>charts/hooked-app</c> (a Deployment, Service, ConfigMap and a
/// post-install Job hook) with Helm 3 (its legacy readiness checks) and Helm 4 (kstatus watchers): it returns only once
/// the Deployment's pods are ready and the hook Job has completed, and fails at its timeout or on a failed hook.
/// The server runs its controllers, and one hollow node plays the pods out: the web pods become Ready only 4 s after
/// they start (so a helm that did not wait would return before), the hook's pod ends at once.
/// </summary>
[TestFixture]
public sealed class HelmInstallWaitTests : ServerFixture
{
    private const string Release = "hooked";

    private KubernetesClient? _client;
    private HollowNode? _node;

    protected override bool WithControllers => true;

    [OneTimeSetUp]
    public async Task StartHollowNodeAsync()
    {
        _client = new KubernetesClient(KubernetesClientConfiguration.FromKubeconfig(Server.Kubeconfig));
        _node = await HollowNode.StartAsync(_client, new HollowNodeOptions { NodeName = UniqueNames.Of("hollow"), DeleteNodeOnStop = true });
    }

    [OneTimeTearDown]
    public async Task StopHollowNodeAsync()
    {
        if (_node is not null)
            await _node.DisposeAsync();
        _client?.Dispose();
    }

    [TestCase(HelmVersion.V3)]
    [TestCase(HelmVersion.V4)]
    public async Task Install_with_wait_returns_once_the_deployment_is_ready_and_the_hook_job_has_completed(HelmVersion version)
    {
        var ns = await Server.HttpClient.CreateNamespaceAsync(UniqueNames.Of("wait"));
        var installed = await Helm(version).RunAsync("install", Release, HookedChart.Directory, "-n", ns, "--wait", "--timeout", "90s");
        Assert.That(installed.ExitCode, Is.Zero, installed.ToString);
        Assert.That(installed.Stdout, Does.Contain("STATUS: deployed"), installed.ToString);

        // Read at once: had helm returned before the rollout or the hook finished, these would show it.
        var deployment = (await Server.HttpClient.GetObjectOrNullAsync(HookedChart.DeploymentPath(ns, Release)))!;
        var job = await Server.HttpClient.GetObjectOrNullAsync(HookedChart.HookJobPath(ns, Release));
        var service = await Server.HttpClient.GetObjectOrNullAsync(HookedChart.ServicePath(ns, Release));
        var configMap = await Server.HttpClient.GetObjectOrNullAsync(HookedChart.ConfigMapPath(ns, Release));
        var status = deployment["status"]!;
        Assert.Multiple(() =>
        {
            Assert.That((long?)status["observedGeneration"], Is.EqualTo((long?)deployment["metadata"]!["generation"]), "the Deployment's spec observed");
            Assert.That((int?)status["updatedReplicas"], Is.EqualTo(2), deployment.ToJsonString());
            Assert.That((int?)status["readyReplicas"], Is.EqualTo(2), deployment.ToJsonString());
            Assert.That((int?)status["availableReplicas"], Is.EqualTo(2), deployment.ToJsonString());
            Assert.That(Condition(deployment, "Available"), Is.EqualTo("True MinimumReplicasAvailable"));
            Assert.That(Condition(deployment, "Progressing"), Is.EqualTo("True NewReplicaSetAvailable"));
            Assert.That(job, Is.Not.Null, "the hook Job ran and is kept (before-hook-creation)");
            Assert.That((string?)job?["metadata"]?["annotations"]?["helm.sh/hook"], Is.EqualTo("post-install,post-upgrade"));
            Assert.That((int?)job?["status"]?["succeeded"], Is.EqualTo(1), job?.ToJsonString());
            Assert.That(Condition(job, "Complete"), Does.StartWith("True"), job?.ToJsonString());
            // Post-install hooks run after the wait: the Job is no older than the Deployment's availability.
            Assert.That(DateTimeOffset.Parse((string)job?["metadata"]?["creationTimestamp"]!, CultureInfo.InvariantCulture),
                Is.GreaterThanOrEqualTo(DateTimeOffset.Parse(ConditionTime(deployment, "Available")!, CultureInfo.InvariantCulture)));
            Assert.That((string?)service?["spec"]?["clusterIP"], Is.Not.Null.And.Not.Empty, "the Service has its cluster IP");
            Assert.That((string?)configMap?["data"]?["greeting"], Is.EqualTo("hello"));
        });

        var shown = await Helm(version).RunAsync("status", Release, "-n", ns);
        Assert.That(shown.Stdout, Does.Contain("STATUS: deployed"), shown.ToString);
    }

    [TestCase(HelmVersion.V3)]
    [TestCase(HelmVersion.V4)]
    public async Task Install_with_wait_fails_at_its_timeout_when_the_pods_never_become_ready(HelmVersion version)
    {
        var ns = await Server.HttpClient.CreateNamespaceAsync(UniqueNames.Of("unready"));
        var installed = await Helm(version).RunAsync("install", Release, HookedChart.Directory, "-n", ns, "--set", "hollow.ready=false", "--wait", "--timeout", "5s");
        Assert.That(installed.ExitCode, Is.Not.Zero, installed.ToString);
        Assert.That(installed.Stderr, Does.Contain("context deadline exceeded"), installed.ToString);

        var deployment = (await Server.HttpClient.GetObjectOrNullAsync(HookedChart.DeploymentPath(ns, Release)))!;
        var job = await Server.HttpClient.GetObjectOrNullAsync(HookedChart.HookJobPath(ns, Release));
        Assert.Multiple(() =>
        {
            Assert.That((int?)deployment["status"]?["readyReplicas"] ?? 0, Is.Zero, "no pod was ready when helm gave up");
            Assert.That(job, Is.Null, "the post-install hook waits for the release to be ready");
        });
        var shown = await Helm(version).RunAsync("status", Release, "-n", ns);
        Assert.That(shown.Stdout, Does.Contain("STATUS: failed"), shown.ToString);
    }

    [TestCase(HelmVersion.V3)]
    [TestCase(HelmVersion.V4)]
    public async Task A_failing_hook_job_fails_the_install(HelmVersion version)
    {
        var ns = await Server.HttpClient.CreateNamespaceAsync(UniqueNames.Of("hookfail"));
        var installed = await Helm(version).RunAsync("install", Release, HookedChart.Directory, "-n", ns, "--set", "hook.exitCode=1", "--wait", "--timeout", "90s");
        Assert.That(installed.ExitCode, Is.Not.Zero, installed.ToString);
        Assert.That(installed.Stderr, Does.Contain("post-install"), installed.ToString);

        var job = await Server.HttpClient.GetObjectOrNullAsync(HookedChart.HookJobPath(ns, Release));
        Assert.That(Condition(job, "Failed"), Is.EqualTo("True BackoffLimitExceeded"), job?.ToJsonString());
        var shown = await Helm(version).RunAsync("status", Release, "-n", ns);
        Assert.That(shown.Stdout, Does.Contain("STATUS: failed"), shown.ToString);
    }

    private static string? ConditionTime(JsonObject obj, string type) =>
        (string?)obj["status"]?["conditions"]?.AsArray().FirstOrDefault(c => (string?)c?["type"] == type)?["lastTransitionTime"];

    /// <summary>"Status Reason" of the condition of <paramref name="type"/>, or null without one.</summary>
    private static string? Condition(JsonObject? obj, string type) =>
        obj?["status"]?["conditions"] is JsonArray conditions && conditions.FirstOrDefault(c => (string?)c?["type"] == type) is { } condition
            ? $"{condition["status"]} {condition["reason"]}"
            : null;
}
