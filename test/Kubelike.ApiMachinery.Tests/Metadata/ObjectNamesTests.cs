using Kubelike.ApiMachinery.Metadata;

namespace Kubelike.ApiMachinery.Tests.Metadata;

public class ObjectNamesTests
{
    private const string SubdomainError =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

    private const string LabelError =
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

    private const string Dns1035Error =
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

    [TestCase(NameRule.Dns1123Subdomain, "web")]
    [TestCase(NameRule.Dns1123Subdomain, "web.example.com")]
    [TestCase(NameRule.Dns1123Subdomain, "1-a")]
    [TestCase(NameRule.Dns1123Label, "kube-system")]
    [TestCase(NameRule.Dns1035Label, "my-svc")]
    [TestCase(NameRule.PathSegment, "system:controller:deployment-controller")]
    [TestCase(NameRule.PathSegment, "Anything Goes_Here")]
    public void Valid_names(NameRule rule, string name)
    {
        Assert.That(ObjectNames.Validate(rule, name), Is.Empty);
    }

    [TestCase(NameRule.Dns1123Subdomain, "Web", SubdomainError)]
    [TestCase(NameRule.Dns1123Subdomain, "web_1", SubdomainError)]
    [TestCase(NameRule.Dns1123Subdomain, "-web", SubdomainError)]
    [TestCase(NameRule.Dns1123Subdomain, "web.", SubdomainError)]
    [TestCase(NameRule.Dns1123Subdomain, "", SubdomainError)]
    [TestCase(NameRule.Dns1123Label, "a.b", "must not contain dots")]
    [TestCase(NameRule.Dns1123Label, "A", LabelError)]
    [TestCase(NameRule.Dns1035Label, "1svc", Dns1035Error)]
    [TestCase(NameRule.PathSegment, "..", "may not be '..'")]
    [TestCase(NameRule.PathSegment, ".", "may not be '.'")]
    [TestCase(NameRule.PathSegment, "a/b", "may not contain '/'")]
    [TestCase(NameRule.PathSegment, "a%b", "may not contain '%'")]
    public void Invalid_names(NameRule rule, string name, string message)
    {
        Assert.That(ObjectNames.Validate(rule, name), Is.EqualTo(new[] { message }));
    }

    [Test]
    public void Length_limits()
    {
        Assert.That(ObjectNames.Validate(NameRule.Dns1123Subdomain, new string('a', 253)), Is.Empty);
        Assert.That(ObjectNames.Validate(NameRule.Dns1123Subdomain, new string('a', 254)), Is.EqualTo(new[] { "must be no more than 253 characters" }));
        Assert.That(ObjectNames.Validate(NameRule.Dns1123Label, new string('a', 64)), Is.EqualTo(new[] { "must be no more than 63 characters" }));
        Assert.That(ObjectNames.Validate(NameRule.Dns1035Label, new string('a', 64)), Is.EqualTo(new[] { "must be no more than 63 characters" }));
        Assert.That(ObjectNames.Validate(NameRule.PathSegment, "a/b%c"), Is.EqualTo(new[] { "may not contain '/'", "may not contain '%'" }));
    }

    [Test]
    public void A_generate_name_may_end_in_a_dash()
    {
        Assert.That(ObjectNames.Validate(NameRule.Dns1123Subdomain, "web-", prefix: true), Is.Empty);
        Assert.That(ObjectNames.Validate(NameRule.Dns1123Label, "web-", prefix: true), Is.Empty);
        Assert.That(ObjectNames.Validate(NameRule.Dns1123Subdomain, "web-"), Is.Not.Empty);
        Assert.That(ObjectNames.Validate(NameRule.Dns1123Subdomain, "Web-", prefix: true), Is.Not.Empty);
        Assert.That(ObjectNames.Validate(NameRule.PathSegment, "..", prefix: true), Is.Empty);
    }

    [Test]
    public void Generated_names_use_the_prefix_and_five_safe_characters()
    {
        var names = Enumerable.Range(0, 50).Select(_ => ObjectNames.Generate("web-")).ToList();
        foreach (var name in names)
        {
            Assert.That(name, Does.StartWith("web-").And.Length.EqualTo(9));
            Assert.That(name[4..].All(c => ObjectNames.SuffixAlphabet.Contains(c)), Is.True, name);
        }
        Assert.That(names.Distinct().Count(), Is.GreaterThan(1));
    }

    [Test]
    public void A_long_prefix_is_cut_so_the_name_stays_within_63()
    {
        var name = ObjectNames.Generate(new string('p', 100));
        Assert.That(name, Has.Length.EqualTo(63));
        Assert.That(name[..58], Is.EqualTo(new string('p', 58)));
    }
}
