using System.Text.Json;
using Kubelike.Api.Coordination.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Api.Primitives;

namespace Kubelike.Api.Tests;

public class TimeTests
{
    [TestCase("2024-01-02T03:04:05Z", 0L)]
    [TestCase("2024-01-02T03:04:05.5Z", 5_000_000L)]
    [TestCase("2024-01-02T03:04:05.000000Z", 0L)]
    [TestCase("2024-01-02T03:04:05.123456Z", 1_234_560L)]
    [TestCase("2024-01-02T03:04:05.123456789Z", 1_234_567L)]
    [TestCase("2024-01-02t03:04:05.1z", 1_000_000L)]
    public void ParsesAnyFractionLength(string text, long fractionTicks)
    {
        Assert.That(Time.TryParse(text, out var time), Is.True);
        Assert.That(time.Value, Is.EqualTo(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(fractionTicks)));
        Assert.That(time.Value.Offset, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void OffsetsAreConvertedToUtc()
    {
        Assert.That(Time.TryParse("2024-01-02T05:04:05+02:00", out var plus), Is.True);
        Assert.That(Time.TryParse("2024-01-01T22:34:05-04:30", out var minus), Is.True);

        Assert.That(plus.ToString(), Is.EqualTo("2024-01-02T03:04:05Z"));
        Assert.That(minus.ToString(), Is.EqualTo("2024-01-02T03:04:05Z"));
    }

    [TestCase("")]
    [TestCase("2024-01-02")]
    [TestCase("2024-01-02T03:04:05")]
    [TestCase("2024-01-02 03:04:05Z")]
    [TestCase("2024-13-02T03:04:05Z")]
    [TestCase("2023-02-29T03:04:05Z")]
    [TestCase("2024-01-02T24:04:05Z")]
    [TestCase("2024-01-02T03:04:05.Z")]
    [TestCase("2024-01-02T03:04:05+0200")]
    [TestCase("2024-01-02T03:04:05Z ")]
    public void RejectsMalformedTimes(string text)
    {
        Assert.That(Time.TryParse(text, out _), Is.False);
        Assert.That(MicroTime.TryParse(text, out _), Is.False);
    }

    [Test]
    public void TimeIsWrittenWithSecondPrecision()
    {
        var meta = KubernetesJson.Deserialize<ObjectMeta>("""{"creationTimestamp":"2024-01-02T03:04:05.987654Z"}""")!;

        Assert.That(meta.CreationTimestamp!.Value.Value.Millisecond, Is.EqualTo(987));
        Assert.That(KubernetesJson.Serialize(meta), Is.EqualTo("""{"creationTimestamp":"2024-01-02T03:04:05Z"}"""));
    }

    [Test]
    public void MicroTimeIsWrittenWithSixDigits()
    {
        var lease = KubernetesJson.Deserialize<LeaseSpec>("""{"holderIdentity":"a","acquireTime":"2024-01-02T03:04:05Z","renewTime":"2024-01-02T03:04:05.5+01:00"}""")!;

        Assert.That(
            KubernetesJson.Serialize(lease),
            Is.EqualTo("""{"holderIdentity":"a","acquireTime":"2024-01-02T03:04:05.000000Z","renewTime":"2024-01-02T02:04:05.500000Z"}"""));
    }

    [Test]
    public void NullTimeStaysAbsentAndBadTimeFails()
    {
        var meta = KubernetesJson.Deserialize<ObjectMeta>("""{"name":"a","creationTimestamp":null}""")!;
        Assert.That(meta.CreationTimestamp, Is.Null);
        Assert.That(KubernetesJson.Serialize(meta), Is.EqualTo("""{"name":"a"}"""));

        Assert.Throws<JsonException>(() => KubernetesJson.Deserialize<ObjectMeta>("""{"creationTimestamp":"yesterday"}"""));
        Assert.Throws<JsonException>(() => KubernetesJson.Deserialize<ObjectMeta>("""{"creationTimestamp":12}"""));
    }

    [Test]
    public void ZeroTimeIsWrittenAsNull()
    {
        var meta = new ObjectMeta { CreationTimestamp = default(Time) };

        Assert.That(KubernetesJson.Serialize(meta), Is.EqualTo("""{"creationTimestamp":null}"""));
        Assert.That(new Time(new DateTimeOffset(2024, 1, 2, 3, 4, 5, 600, TimeSpan.Zero)).TruncateToSeconds().Value.Millisecond, Is.Zero);
    }
}
