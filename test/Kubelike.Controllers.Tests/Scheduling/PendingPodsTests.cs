using Kubelike.Controllers.Scheduling;

namespace Kubelike.Controllers.Tests.Scheduling;

/// <summary>The scheduler's queue of pending pods: active, backoff and unschedulable, with a controllable clock.</summary>
[TestFixture]
public sealed class PendingPodsTests
{
    [Test]
    public async Task Pods_come_out_first_in_first_out_and_once()
    {
        using var pods = new PendingPods(new ManualClock());
        pods.Add("ns/a");
        pods.Add("ns/b");
        pods.Add("ns/a");

        Assert.That(await pods.PopAsync(CancellationToken.None), Is.EqualTo("ns/a"));
        Assert.That(await pods.PopAsync(CancellationToken.None), Is.EqualTo("ns/b"));
        Assert.That(pods.ActiveCount, Is.Zero);
    }

    [Test]
    public async Task An_unschedulable_pod_waits_for_a_cluster_change_and_its_backoff()
    {
        var clock = new ManualClock();
        using var pods = new PendingPods(clock);
        pods.Add("ns/a");
        var key = await pods.PopAsync(CancellationToken.None);
        pods.Unschedulable(key!, pods.MoveCycle);

        pods.Flush();
        Assert.That(pods.ActiveCount, Is.Zero, "nothing changed: it stays unschedulable");

        pods.MoveAllUnschedulable();
        pods.Flush();
        Assert.That(pods.ActiveCount, Is.Zero, "a change within its backoff moves it to backoff only");

        clock.Advance(PendingPods.InitialBackoff);
        pods.Flush();
        Assert.That(pods.ActiveCount, Is.EqualTo(1));
    }

    [Test]
    public async Task A_change_during_the_attempt_sends_the_pod_to_backoff_not_to_wait()
    {
        var clock = new ManualClock();
        using var pods = new PendingPods(clock);
        pods.Add("ns/a");
        var key = await pods.PopAsync(CancellationToken.None);
        var cycle = pods.MoveCycle;
        pods.MoveAllUnschedulable();
        pods.Unschedulable(key!, cycle);

        clock.Advance(PendingPods.InitialBackoff);
        pods.Flush();

        Assert.That(pods.ActiveCount, Is.EqualTo(1));
    }

    [Test]
    public async Task Unschedulable_pods_are_retried_after_the_longest_wait_anyway()
    {
        var clock = new ManualClock();
        using var pods = new PendingPods(clock);
        pods.Add("ns/a");
        pods.Unschedulable((await pods.PopAsync(CancellationToken.None))!, pods.MoveCycle);

        clock.Advance(PendingPods.MaxUnschedulableWait);
        pods.Flush();

        Assert.That(pods.ActiveCount, Is.EqualTo(1));
    }

    [Test]
    public async Task Backoff_doubles_up_to_its_limit()
    {
        var clock = new ManualClock();
        using var pods = new PendingPods(clock);
        pods.Add("ns/a");
        var waits = new List<TimeSpan>();
        for (var attempt = 0; attempt < 6; attempt++)
        {
            var key = (await pods.PopAsync(CancellationToken.None))!;
            pods.Retry(key);
            var waited = TimeSpan.Zero;
            while (pods.ActiveCount == 0)
            {
                clock.Advance(TimeSpan.FromMilliseconds(500));
                waited += TimeSpan.FromMilliseconds(500);
                pods.Flush();
            }

            waits.Add(waited);
        }

        Assert.That(waits.Select(w => w.TotalSeconds), Is.EqualTo(new[] { 1.0, 2, 4, 8, 10, 10 }));
    }

    [Test]
    public async Task An_add_while_a_pod_is_being_scheduled_takes_effect_when_it_is_done()
    {
        using var pods = new PendingPods(new ManualClock());
        pods.Add("ns/a");
        var key = await pods.PopAsync(CancellationToken.None);
        pods.Add("ns/a");
        Assert.That(pods.ActiveCount, Is.Zero, "never handed out twice at once");

        pods.Done(key!);

        Assert.That(pods.ActiveCount, Is.EqualTo(1));
    }

    [Test]
    public void A_removed_pod_is_not_handed_out()
    {
        using var pods = new PendingPods(new ManualClock());
        pods.Add("ns/a");
        pods.Remove("ns/a");

        Assert.That(pods.PendingCount, Is.Zero);
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
