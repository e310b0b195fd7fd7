using Kubelike.ApiMachinery.Tables;

namespace Kubelike.ApiMachinery.Tests.Tables;

public class DurationsTests
{
    [TestCase(-5, "<invalid>")]
    [TestCase(-1, "0s")]
    [TestCase(0, "0s")]
    [TestCase(45, "45s")]
    [TestCase(119, "119s")]
    [TestCase(120, "2m")]
    [TestCase(330, "5m30s")]
    [TestCase(600, "10m")]
    [TestCase(3 * 3600 - 1, "179m")]
    [TestCase(3 * 3600, "3h")]
    [TestCase(5 * 3600 + 20 * 60, "5h20m")]
    [TestCase(30 * 3600, "30h")]
    [TestCase(60 * 3600, "2d12h")]
    [TestCase(3 * 86400, "3d")]
    [TestCase(100 * 86400, "100d")]
    [TestCase(800 * 86400, "2y70d")]
    [TestCase(3650 * 86400, "10y")]
    public void Human_duration_matches_upstream(int seconds, string expected) =>
        Assert.That(Durations.Human(TimeSpan.FromSeconds(seconds)), Is.EqualTo(expected));

    [TestCase(45, "45s")]
    [TestCase(330, "5m")]
    [TestCase(3 * 3600 + 59, "3h")]
    [TestCase(60 * 3600, "2d")]
    [TestCase(400 * 86400, "1y")]
    public void Short_human_duration_keeps_one_unit(int seconds, string expected) =>
        Assert.That(Durations.ShortHuman(TimeSpan.FromSeconds(seconds)), Is.EqualTo(expected));
}
