using System.Collections.Concurrent;
using Kubelike.Api.Coordination.V1;
using Kubelike.Client.LeaderElection;
using Kubelike.Client.Tests.Support;

namespace Kubelike.Client.Tests.LeaderElection;

/// <summary>Two candidates on one Lease of a real server, with short timings.</summary>
public sealed class LeaderElectionTests : ClusterFixture
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [TestCase(true)]
    [TestCase(false)]
    public async Task Exactly_one_of_two_candidates_leads_and_the_other_takes_over_when_it_stops(bool releaseOnCancel)
    {
        var ns = await CreateNamespaceAsync();
        var log = new ConcurrentQueue<string>();
        var leading = new ConcurrentDictionary<string, bool>();
        LeaderElectionOptions Options(string identity) => new()
        {
            LeaseName = "controllers",
            LeaseNamespace = ns,
            Identity = identity,
            LeaseDuration = TimeSpan.FromSeconds(3),
            RenewDeadline = TimeSpan.FromSeconds(2),
            RetryPeriod = TimeSpan.FromMilliseconds(300),
            ReleaseOnCancel = releaseOnCancel,
            OnStartedLeading = async token =>
            {
                leading[identity] = true;
                log.Enqueue($"{identity} started");
                await Task.Delay(Timeout.Infinite, token).ContinueWith(_ => { }, TaskScheduler.Default);
            },
            OnStoppedLeading = () =>
            {
                leading[identity] = false;
                log.Enqueue($"{identity} stopped");
            },
            OnNewLeader = leader => log.Enqueue($"{identity} sees {leader}"),
        };
        using var stopA = new CancellationTokenSource();
        using var stopB = new CancellationTokenSource();
        var a = new LeaderElector(Client, Options("a"));
        var b = new LeaderElector(Client, Options("b"));
        var runA = a.RunAsync(stopA.Token);
        var runB = b.RunAsync(stopB.Token);

        await Poll.UntilAsync(() => leading.Values.Count(v => v) == 1, "one candidate leads");
        var first = leading.Single(p => p.Value).Key;
        var second = first == "a" ? "b" : "a";
        // Several retry periods later, still only one: the other keeps seeing a live lease.
        await Poll.UntilAsync(() => log.Count(l => l == $"{second} sees {first}") == 1 && (first == "a" ? b : a).Leader == first, "the other candidate observes the leader");
        var held = await Client.Resource<Lease>().GetAsync("controllers", ns);
        var heldRenewal = held.Spec?.RenewTime;
        await Poll.UntilAsync(
            () => Client.Resource<Lease>().GetAsync("controllers", ns).Result.Spec?.RenewTime > heldRenewal,
            "the leader renews");
        Assert.That(leading.Values.Count(v => v), Is.EqualTo(1), "still exactly one leader after renewals");

        await (first == "a" ? stopA : stopB).CancelAsync();
        await (first == "a" ? runA : runB).WaitAsync(Deadline);
        await Poll.UntilAsync(() => leading.GetValueOrDefault(second), $"{second} takes over", Deadline);
        var lease = await Client.Resource<Lease>().GetAsync("controllers", ns);
        await (first == "a" ? stopB : stopA).CancelAsync();
        await (first == "a" ? runB : runA).WaitAsync(Deadline);

        Assert.Multiple(() =>
        {
            Assert.That(log, Does.Contain($"{first} started"));
            Assert.That(log.ToList().IndexOf($"{first} stopped"), Is.LessThan(log.ToList().IndexOf($"{second} started")));
            Assert.That(held.Spec?.HolderIdentity, Is.EqualTo(first));
            Assert.That(held.Spec?.LeaseDurationSeconds, Is.EqualTo(3));
            Assert.That(lease.Spec?.HolderIdentity, Is.EqualTo(second));
            Assert.That(lease.Spec?.LeaseTransitions, Is.EqualTo(1));
            Assert.That(lease.Spec?.AcquireTime, Is.GreaterThan(held.Spec!.AcquireTime!.Value));
            Assert.That(lease.Spec?.RenewTime, Is.GreaterThanOrEqualTo(lease.Spec!.AcquireTime!.Value));
            Assert.That(log, Does.Contain($"{second} stopped"));
        });
    }
}
