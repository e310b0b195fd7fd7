using Kubelike.Controllers.CronJobs;

namespace Kubelike.Controllers.Tests.CronJobs;

public sealed class CronScheduleTests
{
    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static DateTimeOffset? Next(string schedule, string after) => CronSchedule.Parse(schedule, TimeZoneInfo.Utc).Next(Utc(after));

    [Test]
    public void Every_minute_fires_at_the_next_minute_strictly_after()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Next("* * * * *", "2026-11-22T10:00:30Z"), Is.EqualTo(Utc("2026-11-22T10:01:00Z")));
            Assert.That(Next("* * * * *", "2026-11-22T10:01:00Z"), Is.EqualTo(Utc("2026-11-22T10:02:00Z")));
            Assert.That(Next("*/15 * * * *", "2026-11-22T10:46:00Z"), Is.EqualTo(Utc("2026-11-22T11:00:00Z")));
        });
    }

    [Test]
    public void Ranges_lists_steps_and_names_select_their_times()
    {
        Assert.Multiple(() =>
        {
            // Friday 17:50 → Monday 09:00.
            Assert.That(Next("*/15 9-17 * * mon-fri", "2026-11-20T17:50:00Z"), Is.EqualTo(Utc("2026-11-23T09:00:00Z")));
            Assert.That(Next("5,35 */6 * jan,jul *", "2026-11-22T10:00:00Z"), Is.EqualTo(Utc("2027-01-01T00:05:00Z")));
            Assert.That(Next("0 12 29 feb ?", "2026-11-22T10:00:00Z"), Is.EqualTo(Utc("2028-02-29T12:00:00Z")));
        });
    }

    [Test]
    public void Descriptors_stand_for_their_standard_schedules()
    {
        const string after = "2026-11-22T10:30:00Z"; // a Sunday
        Assert.Multiple(() =>
        {
            Assert.That(Next("@hourly", after), Is.EqualTo(Utc("2026-11-22T11:00:00Z")));
            Assert.That(Next("@daily", after), Is.EqualTo(Utc("2026-11-23T00:00:00Z")));
            Assert.That(Next("@midnight", after), Is.EqualTo(Utc("2026-11-23T00:00:00Z")));
            Assert.That(Next("@weekly", after), Is.EqualTo(Utc("2026-11-29T00:00:00Z")));
            Assert.That(Next("@monthly", after), Is.EqualTo(Utc("2026-12-01T00:00:00Z")));
            Assert.That(Next("@yearly", after), Is.EqualTo(Utc("2027-01-01T00:00:00Z")));
            Assert.That(Next("@annually", after), Is.EqualTo(Utc("2027-01-01T00:00:00Z")));
            Assert.That(Next("@every 1m30s", "2026-11-22T10:00:00.5Z"), Is.EqualTo(Utc("2026-11-22T10:01:30Z")));
        });
    }

    [Test]
    public void Two_restricted_day_fields_match_either_day_and_one_star_makes_both_count()
    {
        Assert.Multiple(() =>
        {
            // The 13th or a Friday, whichever comes first: Friday 27 November.
            Assert.That(Next("0 0 13 * fri", "2026-11-22T00:00:00Z"), Is.EqualTo(Utc("2026-11-27T00:00:00Z")));
            // Day of week "*": only the 1st.
            Assert.That(Next("0 0 1 * *", "2026-11-22T00:00:00Z"), Is.EqualTo(Utc("2026-12-01T00:00:00Z")));
            // Day of month "*": only Mondays.
            Assert.That(Next("0 0 * * 1", "2026-11-22T00:00:00Z"), Is.EqualTo(Utc("2026-11-23T00:00:00Z")));
        });
    }

    [Test]
    public void A_schedule_that_never_comes_has_no_next_time() =>
        Assert.That(Next("0 0 30 2 *", "2026-11-22T00:00:00Z"), Is.Null);

    [Test]
    public void Times_are_wall_clock_times_in_the_zone_across_daylight_saving_changes()
    {
        Assert.That(CronSchedule.TryFindZone("America/New_York", out var newYork), Is.True);
        var nineAm = CronSchedule.Parse("0 9 * * *", newYork);
        var twoThirty = CronSchedule.Parse("30 2 * * *", newYork);
        var oneThirty = CronSchedule.Parse("30 1 * * *", newYork);
        Assert.Multiple(() =>
        {
            Assert.That(nineAm.Next(Utc("2026-07-01T12:00:00Z")), Is.EqualTo(Utc("2026-07-01T13:00:00Z")), "EDT");
            Assert.That(nineAm.Next(Utc("2026-12-01T12:00:00Z")), Is.EqualTo(Utc("2026-12-01T14:00:00Z")), "EST");
            // 8 March 2026 has no 02:30 (clocks go from 02:00 to 03:00): the next one is on the 9th.
            Assert.That(twoThirty.Next(Utc("2026-03-08T05:00:00Z")), Is.EqualTo(Utc("2026-03-09T06:30:00Z")));
            // 1 November 2026 has 01:30 twice: it fires at the first only.
            Assert.That(oneThirty.Next(Utc("2026-11-01T04:00:00Z")), Is.EqualTo(Utc("2026-11-01T05:30:00Z")));
            Assert.That(oneThirty.Next(Utc("2026-11-01T05:30:00Z")), Is.EqualTo(Utc("2026-11-02T06:30:00Z")));
            // A CRON_TZ= or TZ= prefix names the zone in the schedule itself.
            Assert.That(CronSchedule.Parse("CRON_TZ=Asia/Tokyo 0 9 * * *").Next(Utc("2026-11-22T00:30:00Z")), Is.EqualTo(Utc("2026-11-23T00:00:00Z")));
            Assert.That(CronSchedule.Parse("TZ=UTC 0 9 * * *").Next(Utc("2026-11-22T00:30:00Z")), Is.EqualTo(Utc("2026-11-22T09:00:00Z")));
        });
    }

    [TestCase("every minute", "expected exactly 5 fields, found 2: [every minute]")]
    [TestCase("0 25 * * *", "end of range (25) above maximum (23): 25")]
    [TestCase("*/0 * * * *", "step of range should be a positive number: */0")]
    [TestCase("@fortnightly", "unrecognized descriptor: @fortnightly")]
    [TestCase("CRON_TZ=Mars/Olympus 0 9 * * *", "provided bad location Mars/Olympus: unknown time zone Mars/Olympus")]
    public void An_invalid_schedule_does_not_parse(string schedule, string error)
    {
        Assert.That(CronSchedule.TryParse(schedule, TimeZoneInfo.Utc, out var parsed, out var message), Is.False);
        Assert.That((parsed, message), Is.EqualTo(((CronSchedule?)null, error)));
    }
}
