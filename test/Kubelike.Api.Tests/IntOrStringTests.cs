using System.Text.Json;
using Kubelike.Api.Apps.V1;
using Kubelike.Api.Primitives;

namespace Kubelike.Api.Tests;

public class IntOrStringTests
{
    [Test]
    public void ReadsNumbersAsIntsAndStringsAsStrings()
    {
        var ru = KubernetesJson.Deserialize<RollingUpdateDeployment>("""{"maxUnavailable":1,"maxSurge":"25%"}""")!;

        Assert.That(ru.MaxUnavailable!.IsInt, Is.True);
        Assert.That(ru.MaxUnavailable.IntValue, Is.EqualTo(1));
        Assert.That(ru.MaxSurge!.IsInt, Is.False);
        Assert.That(ru.MaxSurge.StringValue, Is.EqualTo("25%"));
    }

    [Test]
    public void AStringOfDigitsStaysAString()
    {
        var ru = KubernetesJson.Deserialize<RollingUpdateDeployment>("""{"maxSurge":"3"}""")!;

        Assert.That(ru.MaxSurge!.IsInt, Is.False);
        Assert.That(KubernetesJson.Serialize(ru), Is.EqualTo("""{"maxSurge":"3"}"""));
        Assert.That(KubernetesJson.Serialize(new RollingUpdateDeployment { MaxSurge = 3 }), Is.EqualTo("""{"maxSurge":3}"""));
    }

    [TestCase("1.5")]
    [TestCase("4294967296")]
    [TestCase("true")]
    [TestCase("{}")]
    public void RejectsOtherJson(string value)
    {
        Assert.Throws<JsonException>(() => KubernetesJson.Deserialize<RollingUpdateDeployment>($$"""{"maxSurge":{{value}}}"""));
    }

    [TestCase("25%", 10, true, 3)]
    [TestCase("25%", 10, false, 2)]
    [TestCase("100%", 7, false, 7)]
    [TestCase("0%", 7, true, 0)]
    public void ScalesPercentages(string value, int total, bool roundUp, int expected)
    {
        Assert.That(IntOrString.FromString(value).TryGetScaledValue(total, roundUp, out var scaled), Is.True);
        Assert.That(scaled, Is.EqualTo(expected));
    }

    [Test]
    public void IntsScaleToThemselvesAndOtherStringsFail()
    {
        Assert.That(IntOrString.FromInt32(4).TryGetScaledValue(100, true, out var four), Is.True);
        Assert.That(four, Is.EqualTo(4));
        Assert.That(IntOrString.FromString("http").TryGetScaledValue(100, true, out _), Is.False);
        Assert.That(IntOrString.FromInt32(80), Is.Not.EqualTo(IntOrString.FromString("80")));
        Assert.That(IntOrString.FromString("http").ToString(), Is.EqualTo("http"));
    }
}
