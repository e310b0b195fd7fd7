using Kubelike.Client.Queue;
using Kubelike.Client.Tests.Support;

namespace Kubelike.Client.Tests.Queue;

/// <summary>Work queue semantics, with a manual clock: nothing here waits on real time.</summary>
public sealed class WorkQueueTests
{
    [Test]
    public async Task A_key_added_while_queued_is_handed_out_once()
    {
        using var queue = new WorkQueue<string>();
        queue.Add("a");
        queue.Add("b");
        queue.Add("a");

        var first = await queue.GetAsync();
        var second = await queue.GetAsync();

        Assert.Multiple(() =>
        {
            Assert.That((first.Item, second.Item), Is.EqualTo(("a", "b")));
            Assert.That(queue.Count, Is.Zero);
        });
    }

    [Test]
    public async Task A_key_being_processed_is_not_handed_to_a_second_worker_until_done()
    {
        using var queue = new WorkQueue<string>();
        queue.Add("a");
        var (item, _) = await queue.GetAsync();
        queue.Add("a");

        var second = queue.GetAsync().AsTask();
        var handedOutDuringProcessing = second.IsCompleted;
        var countDuringProcessing = queue.Count;
        queue.Done(item);
        var again = await second;

        Assert.Multiple(() =>
        {
            Assert.That(handedOutDuringProcessing, Is.False);
            Assert.That(countDuringProcessing, Is.Zero);
            Assert.That(again.Item, Is.EqualTo("a"));
        });
    }

    [Test]
    public async Task Keys_added_many_times_while_processing_come_back_once()
    {
        using var queue = new WorkQueue<string>();
        queue.Add("a");
        var (item, _) = await queue.GetAsync();
        for (var i = 0; i < 5; i++)
            queue.Add("a");
        queue.Done(item);

        Assert.That(queue.Count, Is.EqualTo(1));
    }

    [Test]
    public void Per_key_backoff_doubles_from_5_ms_to_1000_s_and_resets_on_forget()
    {
        var limiter = new ExponentialFailureRateLimiter<string>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000));

        var delays = Enumerable.Range(0, 20).Select(_ => limiter.NextDelay("a")).ToList();
        var other = limiter.NextDelay("b");
        var requeues = limiter.NumRequeues("a");
        limiter.Forget("a");

        Assert.Multiple(() =>
        {
            Assert.That(delays.Take(4), Is.EqualTo(new[] { 5, 10, 20, 40 }.Select(ms => TimeSpan.FromMilliseconds(ms))));
            Assert.That(delays[17], Is.EqualTo(TimeSpan.FromMilliseconds(5 * 131072)));
            Assert.That(delays[18], Is.EqualTo(TimeSpan.FromSeconds(1000)), "capped");
            Assert.That(delays[19], Is.EqualTo(TimeSpan.FromSeconds(1000)));
            Assert.That(other, Is.EqualTo(TimeSpan.FromMilliseconds(5)), "per key");
            Assert.That(requeues, Is.EqualTo(20));
            Assert.That(limiter.NumRequeues("a"), Is.Zero);
            Assert.That(limiter.NextDelay("a"), Is.EqualTo(TimeSpan.FromMilliseconds(5)));
        });
    }

    [Test]
    public void The_default_controller_limiter_adds_an_overall_bucket_of_100_at_10_per_second()
    {
        var clock = new ManualTimeProvider();
        var limiter = RateLimiters.DefaultController<int>(clock);

        var burst = Enumerable.Range(0, 100).Select(limiter.NextDelay).ToList();
        var beyond = limiter.NextDelay(100);
        var further = limiter.NextDelay(101);
        clock.Advance(TimeSpan.FromSeconds(10));
        var refilled = limiter.NextDelay(102);

        Assert.Multiple(() =>
        {
            Assert.That(burst, Is.All.EqualTo(TimeSpan.FromMilliseconds(5)), "within the burst, the per-key delay");
            Assert.That(beyond, Is.EqualTo(TimeSpan.FromMilliseconds(100)));
            Assert.That(further, Is.EqualTo(TimeSpan.FromMilliseconds(200)));
            Assert.That(refilled, Is.EqualTo(TimeSpan.FromMilliseconds(5)));
        });
    }

    [Test]
    public async Task Rate_limited_retries_wait_longer_each_time_and_forget_resets_them()
    {
        var clock = new ManualTimeProvider();
        using var queue = new RateLimitingWorkQueue<string>(
            new ExponentialFailureRateLimiter<string>(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1)), clock);

        queue.AddRateLimited("a");
        var beforeFirstDelay = queue.Count;
        clock.Advance(TimeSpan.FromSeconds(1));
        var afterFirstDelay = queue.Count;
        var (item, _) = await queue.GetAsync();
        queue.Done(item);
        queue.AddRateLimited("a");
        clock.Advance(TimeSpan.FromSeconds(1.5));
        var afterOneAndAHalf = queue.Count;
        clock.Advance(TimeSpan.FromSeconds(0.5));
        var afterTwo = queue.Count;
        var requeues = queue.NumRequeues("a");
        queue.Forget("a");

        Assert.Multiple(() =>
        {
            Assert.That(beforeFirstDelay, Is.Zero);
            Assert.That(afterFirstDelay, Is.EqualTo(1));
            Assert.That(afterOneAndAHalf, Is.Zero, "the second retry waits 2 s");
            Assert.That(afterTwo, Is.EqualTo(1));
            Assert.That(requeues, Is.EqualTo(2));
            Assert.That(queue.NumRequeues("a"), Is.Zero);
        });
    }

    [Test]
    public void Add_after_keeps_the_earliest_of_several_delays()
    {
        var clock = new ManualTimeProvider();
        using var queue = new WorkQueue<string>(clock);

        queue.AddAfter("a", TimeSpan.FromSeconds(10));
        queue.AddAfter("a", TimeSpan.FromSeconds(2));
        queue.AddAfter("a", TimeSpan.FromSeconds(5));
        clock.Advance(TimeSpan.FromSeconds(2));
        var atTwo = queue.Count;
        clock.Advance(TimeSpan.FromSeconds(10));
        var later = queue.Count;

        Assert.Multiple(() =>
        {
            Assert.That(atTwo, Is.EqualTo(1));
            Assert.That(later, Is.EqualTo(1), "later delays of a key already queued add nothing");
        });
    }

    [Test]
    public void Add_after_accepts_delays_longer_than_a_timer_can_wait()
    {
        // A real timer refuses due times beyond about 49 days (a CronJob's next yearly run is further away).
        using var real = new WorkQueue<string>();
        Assert.DoesNotThrow(() => real.AddAfter("yearly", TimeSpan.FromDays(365)));

        var clock = new ManualTimeProvider();
        using var queue = new WorkQueue<string>(clock);
        queue.AddAfter("a", TimeSpan.FromDays(100));
        clock.Advance(TimeSpan.FromDays(99));
        var early = queue.Count;
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Multiple(() =>
        {
            Assert.That(early, Is.Zero);
            Assert.That(queue.Count, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Shutdown_hands_out_what_is_queued_then_reports_shutting_down_and_ignores_adds()
    {
        using var queue = new WorkQueue<string>();
        var waiting = queue.GetAsync().AsTask();
        queue.Add("a");
        var first = await waiting;
        queue.Add("b");
        var idle = queue.GetAsync().AsTask();
        var (b, _) = await idle;
        var blocked = queue.GetAsync().AsTask();

        queue.ShutDown();
        queue.Add("c");
        var afterShutdown = await blocked;

        Assert.Multiple(() =>
        {
            Assert.That(first.Item, Is.EqualTo("a"));
            Assert.That(b, Is.EqualTo("b"));
            Assert.That(afterShutdown.ShuttingDown, Is.True);
            Assert.That(queue.Count, Is.Zero);
            Assert.That(queue.IsShuttingDown, Is.True);
        });
    }

    [Test]
    public async Task Shutdown_with_drain_waits_for_items_in_processing()
    {
        using var queue = new WorkQueue<string>();
        queue.Add("a");
        var (item, _) = await queue.GetAsync();

        var draining = queue.ShutDownWithDrainAsync();
        var drainedBeforeDone = draining.IsCompleted;
        queue.Done(item);
        await draining;

        Assert.That(drainedBeforeDone, Is.False);
    }

    [Test]
    public void A_cancelled_get_does_not_swallow_the_next_item()
    {
        using var queue = new WorkQueue<string>();
        using var cancel = new CancellationTokenSource();
        var cancelled = queue.GetAsync(cancel.Token).AsTask();
        cancel.Cancel();
        queue.Add("a");

        Assert.Multiple(() =>
        {
            Assert.That(async () => await cancelled, Throws.InstanceOf<OperationCanceledException>());
            Assert.That(queue.Count, Is.EqualTo(1));
        });
    }
}
