using System.Text.Json;
using Kubelike.Api.Core.V1;
using Kubelike.Api.Primitives;

namespace Kubelike.Api.Tests;

public class QuantityTests
{
    [TestCase("0", "0")]
    [TestCase("100m", "100m")]
    [TestCase("1Gi", "1Gi")]
    [TestCase("1024Mi", "1Gi")]
    [TestCase("1.5Gi", "1536Mi")]
    [TestCase("1536Ki", "1536Ki")]
    [TestCase("1.5", "1500m")]
    [TestCase("0.5", "500m")]
    [TestCase("1e3", "1e3")]
    [TestCase("1E3", "1e3")]
    [TestCase("12e6", "12e6")]
    [TestCase("1.5e3", "1500")]
    [TestCase("1000", "1k")]
    [TestCase("1500", "1500")]
    [TestCase("10000T", "10P")]
    [TestCase("1E", "1E")]
    [TestCase("5.0", "5")]
    [TestCase("+1", "1")]
    [TestCase("-100m", "-100m")]
    [TestCase("007", "7")]
    [TestCase("0Gi", "0")]
    [TestCase("0.1Ki", "102400m")]
    [TestCase(".001Ki", "1024m")]
    [TestCase("100Ki", "100Ki")]
    [TestCase("1023", "1023")]
    [TestCase("1n", "1n")]
    [TestCase("0.5n", "1n")]
    [TestCase("0.000000000001Ki", "2n")]
    [TestCase("1.G", "1G")]
    [TestCase("9223372036854775807Ki", "9223372036854775807")]
    public void ParsesAndCanonicalizes(string text, string canonical)
    {
        Assert.That(Quantity.TryParse(text, out var q), Is.True, text);
        Assert.That(q!.ToString(), Is.EqualTo(text), "the parsed string is kept verbatim");
        Assert.That(q.ToCanonicalString(), Is.EqualTo(canonical));
        Assert.That(Quantity.Parse(canonical), Is.EqualTo(q), "the canonical form has the same value");
    }

    [TestCase("")]
    [TestCase(" 1")]
    [TestCase("1 ")]
    [TestCase("1.1.M")]
    [TestCase("1+1.0M")]
    [TestCase("0.1mi")]
    [TestCase("0.1am")]
    [TestCase("aoeu")]
    [TestCase(".5i")]
    [TestCase("1i")]
    [TestCase("-3.01i")]
    [TestCase("-3.01e-")]
    [TestCase("1e")]
    [TestCase("1K")]
    [TestCase("1Kb")]
    [TestCase("1KiB")]
    [TestCase("1,5")]
    [TestCase("1e1.5")]
    public void RejectsMalformedQuantities(string text)
    {
        Assert.That(Quantity.TryParse(text, out var q), Is.False);
        Assert.That(q, Is.Null);
        Assert.Throws<FormatException>(() => Quantity.Parse(text));
    }

    [TestCase("100m", "0.1")]
    [TestCase("1Gi", "1073741824")]
    [TestCase("1.5", "1.5")]
    [TestCase("1e3", "1000")]
    [TestCase("-2.5Ki", "-2560")]
    [TestCase("3n", "0.000000003")]
    [TestCase("1E", "1000000000000000000")]
    public void ConvertsToDecimal(string text, string expected)
    {
        Assert.That(Quantity.Parse(text).ToDecimal(), Is.EqualTo(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public void ComparesByValue()
    {
        Assert.That(Quantity.Parse("1Gi"), Is.EqualTo(Quantity.Parse("1024Mi")));
        Assert.That(Quantity.Parse("1Gi").GetHashCode(), Is.EqualTo(Quantity.Parse("1073741824").GetHashCode()));
        Assert.That(Quantity.Parse("500m") < Quantity.Parse("1"), Is.True);
        Assert.That(Quantity.Parse("1k") > Quantity.Parse("999"), Is.True);
        Assert.That(Quantity.Parse("-1") < Quantity.Zero, Is.True);
        Assert.That(Quantity.Parse("1e3") == Quantity.Parse("1k"), Is.True);
        Assert.That(Quantity.Parse("1e999").TryGetDecimal(out _), Is.False);
    }

    [Test]
    public void RoundsUpToMilliAndWholeValues()
    {
        Assert.That(Quantity.Parse("1.5").ToMilliValue(), Is.EqualTo(1500));
        Assert.That(Quantity.Parse("1n").ToMilliValue(), Is.EqualTo(1));
        Assert.That(Quantity.Parse("100m").ToInt64(), Is.EqualTo(1));
        Assert.That(Quantity.Parse("-100m").ToInt64(), Is.Zero);
        Assert.That(Quantity.Parse("2Gi").ToInt64(), Is.EqualTo(2L << 30));
    }

    [Test]
    public void BuildsFromNumbersInCanonicalForm()
    {
        Assert.That(Quantity.FromDecimal(1.5m).ToString(), Is.EqualTo("1500m"));
        Assert.That(Quantity.FromDecimal(-0.25m).ToString(), Is.EqualTo("-250m"));
        Assert.That(Quantity.FromDecimal(2048m, QuantityFormat.BinarySI).ToString(), Is.EqualTo("2Ki"));
        Assert.That(Quantity.FromInt64(3_000_000, QuantityFormat.DecimalExponent).ToString(), Is.EqualTo("3e6"));
        Assert.That(Quantity.FromInt64(0).ToString(), Is.EqualTo("0"));
    }

    [Test]
    public void JsonAcceptsStringsAndNumbersAndWritesStrings()
    {
        var limits = KubernetesJson.Deserialize<ResourceRequirements>("""{"limits":{"cpu":2,"memory":"1Gi","x":1.5}}""")!;

        Assert.That(limits.Limits!["cpu"], Is.EqualTo(Quantity.Parse("2")));
        Assert.That(limits.Limits["x"].ToCanonicalString(), Is.EqualTo("1500m"));
        Assert.That(KubernetesJson.Serialize(limits), Is.EqualTo("""{"limits":{"cpu":"2","memory":"1Gi","x":"1.5"}}"""));

        var ex = Assert.Throws<JsonException>(() => KubernetesJson.Deserialize<ResourceRequirements>("""{"limits":{"cpu":"2 cores"}}"""));
        Assert.That(ex!.Message, Does.Contain("2 cores"));
        Assert.Throws<JsonException>(() => KubernetesJson.Deserialize<ResourceRequirements>("""{"limits":{"cpu":true}}"""));
    }
}
