using Kubelike.Node.Cri.Grpc;

namespace Kubelike.Node.Tests.Grpc;

[TestFixture]
public sealed class GrpcTimeoutTests
{
    [TestCase(0.0005, "500000n")]
    [TestCase(1.5, "1500000u")]
    [TestCase(120, "120000m")]
    [TestCase(200_000, "200000S")]
    [TestCase(100_000_000.0, "1666667M")]
    public void A_timeout_is_written_in_the_finest_unit_that_fits_eight_digits(double seconds, string expected) =>
        Assert.That(GrpcTimeout.Format(TimeSpan.FromSeconds(seconds)), Is.EqualTo(expected));

    [Test]
    public void A_fraction_of_the_unit_rounds_up_so_a_positive_timeout_never_becomes_zero() =>
        Assert.That(GrpcTimeout.Format(TimeSpan.FromTicks(1)), Is.EqualTo("100n"));

    [Test]
    public void A_timeout_must_be_positive() =>
        Assert.That(() => GrpcTimeout.Format(TimeSpan.Zero), Throws.InstanceOf<ArgumentOutOfRangeException>());
}
