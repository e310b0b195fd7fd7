using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Errors;
using Kubelike.ApiMachinery.Selectors;

namespace Kubelike.ApiMachinery.Tests.Selectors;

public class LabelSelectorTests
{
    private const string NameRegexError =
        "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

    private const string ValueRegexError =
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

    [TestCase("", "")]
    [TestCase("a=b", "a=b")]
    [TestCase("a==b", "a==b")]
    [TestCase("a!=b", "a!=b")]
    [TestCase("a", "a")]
    [TestCase("!a", "!a")]
    [TestCase("a in (y,x)", "a in (x,y)")]
    [TestCase("a notin (x)", "a notin (x)")]
    [TestCase("a>1", "a>1")]
    [TestCase("a<10", "a<10")]
    [TestCase("z=1,a=2", "a=2,z=1")]
    [TestCase("  a = b ,\tc in ( x , y ) , !d ", "a=b,c in (x,y),!d")]
    [TestCase("a=", "a=")]
    [TestCase("a in ()", "a in ()")]
    [TestCase("a in (,x)", "a in (,x)")]
    [TestCase("a in (x,,y)", "a in (,x,y)")]
    [TestCase("a in (x,x)", "a in (x)")]
    [TestCase("in=notin", "in=notin")]
    [TestCase("a in (in,notin)", "a in (in,notin)")]
    [TestCase("example.com/app=web", "example.com/app=web")]
    [TestCase("a!=b,!c", "a!=b,!c")]
    public void Parses_and_prints_canonically(string selector, string canonical)
    {
        Assert.That(LabelSelector.Parse(selector).ToString(), Is.EqualTo(canonical));
    }

    [TestCase("a=b c", "found 'c', expected: ',' or 'end of string'")]
    [TestCase("a=b=c", "found '=', expected: ',' or 'end of string'")]
    [TestCase("a=b,", "found '', expected: identifier after ','")]
    [TestCase("a=b,,c", "found ',', expected: identifier after ','")]
    [TestCase(",a", "found ',', expected: !, identifier, or 'end of string'")]
    [TestCase("=a", "found '=', expected: !, identifier, or 'end of string'")]
    [TestCase("a in x", "unable to parse requirement: found 'x' expected: '('")]
    [TestCase("a in", "unable to parse requirement: found '' expected: '('")]
    [TestCase("a in (x", "unable to parse requirement: found '', expected: ',' or ')'")]
    [TestCase("a in (x y)", "unable to parse requirement: found 'y', expected: ',' or ')'")]
    [TestCase("a in (=)", "unable to parse requirement: found '=', expected: ',', ')' or identifier")]
    [TestCase("a in (x,=)", "unable to parse requirement: found '=', expected: ',', or identifier")]
    [TestCase("a b", "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt")]
    [TestCase("a!b", "unable to parse requirement: found '!', expected: in, notin, =, ==, !=, gt, lt")]
    [TestCase("a=(", "unable to parse requirement: found '(', expected: identifier")]
    [TestCase("!", "unable to parse requirement: found '', expected: identifier")]
    [TestCase("!=a", "found '!=', expected: !, identifier, or 'end of string'")]
    [TestCase("a<-1", "unable to parse requirement: values[0][a]: Invalid value: \"-1\": " + ValueRegexError)]
    [TestCase("a>x", "unable to parse requirement: values[0]: Invalid value: \"x\": for 'Gt', 'Lt' operators, the value must be an integer")]
    [TestCase("-a=b", "unable to parse requirement: <nil>: Invalid value: \"-a\": name part " + NameRegexError)]
    [TestCase("/a=b", "unable to parse requirement: <nil>: Invalid value: \"/a\": prefix part must be non-empty")]
    [TestCase("a=-b", "unable to parse requirement: values[0][a]: Invalid value: \"-b\": " + ValueRegexError)]
    [TestCase("a in (x,-y)", "unable to parse requirement: values[0][a]: Invalid value: \"-y\": " + ValueRegexError)]
    public void Rejects_with_upstreams_message(string selector, string message)
    {
        Assert.That(LabelSelector.TryParse(selector, out _, out var error), Is.False);
        Assert.That(error, Is.EqualTo(message));
        var e = Assert.Throws<ApiException>(() => LabelSelector.Parse(selector))!;
        Assert.That((e.Code, e.Reason, e.Message), Is.EqualTo((400, "BadRequest", message)));
    }

    [Test]
    public void Rejects_the_first_error_of_a_later_term()
    {
        // The "a=b" term parses; the "!=a" after the comma is reported as found '!=' after ','.
        Assert.That(LabelSelector.TryParse("a=b,!=a", out _, out var error), Is.False);
        Assert.That(error, Is.EqualTo("found '!=', expected: identifier after ','"));
    }

    [Test]
    public void Rejects_long_keys_and_values_and_bad_qualified_names()
    {
        var longName = new string('a', 64);
        Assert.That(LabelSelector.TryParse(longName + "=x", out _, out var keyError), Is.False);
        Assert.That(keyError, Is.EqualTo($"unable to parse requirement: <nil>: Invalid value: \"{longName}\": name part must be no more than 63 characters"));
        Assert.That(LabelSelector.TryParse("a=" + longName, out _, out var valueError), Is.False);
        Assert.That(valueError, Is.EqualTo($"unable to parse requirement: values[0][a]: Invalid value: \"{longName}\": must be no more than 63 characters"));
        Assert.That(LabelSelector.TryParse("a/b/c", out _, out var slashes), Is.False);
        Assert.That(slashes, Is.EqualTo(
            "unable to parse requirement: <nil>: Invalid value: \"a/b/c\": a qualified name " + NameRegexError + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"));
        Assert.That(LabelSelector.TryParse("Bad_Prefix/a", out _, out var prefix), Is.False);
        Assert.That(prefix, Does.StartWith("unable to parse requirement: <nil>: Invalid value: \"Bad_Prefix/a\": prefix part a lowercase RFC 1123 subdomain"));
    }

    private static readonly Dictionary<string, string> Labels = new()
    {
        ["app"] = "web",
        ["tier"] = "front",
        ["version"] = "3",
        ["empty"] = "",
    };

    [TestCase("", true)]
    [TestCase("app=web", true)]
    [TestCase("app==web", true)]
    [TestCase("app=db", false)]
    [TestCase("app!=db", true)]
    [TestCase("app!=web", false)]
    [TestCase("missing!=x", true)]
    [TestCase("missing=x", false)]
    [TestCase("app", true)]
    [TestCase("missing", false)]
    [TestCase("!missing", true)]
    [TestCase("!app", false)]
    [TestCase("app in (db,web)", true)]
    [TestCase("app in (db)", false)]
    [TestCase("missing in (x)", false)]
    [TestCase("app notin (db)", true)]
    [TestCase("app notin (web)", false)]
    [TestCase("missing notin (x)", true)]
    [TestCase("version>2", true)]
    [TestCase("version>3", false)]
    [TestCase("version<4", true)]
    [TestCase("app>1", false)]
    [TestCase("missing<10", false)]
    [TestCase("empty=", true)]
    [TestCase("empty", true)]
    [TestCase("missing=", false)]
    [TestCase("app=web,tier=front", true)]
    [TestCase("app=web,tier=back", false)]
    public void Matches(string selector, bool expected)
    {
        Assert.That(LabelSelector.Parse(selector).Matches(Labels), Is.EqualTo(expected));
    }

    [Test]
    public void Matches_an_objects_labels()
    {
        var pod = JsonNode.Parse("""{"metadata":{"name":"p","labels":{"app":"web"}}}""");
        Assert.That(LabelSelector.Parse("app=web").MatchesObject(pod), Is.True);
        Assert.That(LabelSelector.Parse("app=db").MatchesObject(pod), Is.False);
        Assert.That(LabelSelector.Parse("!app").MatchesObject(JsonNode.Parse("""{"metadata":{"name":"p"}}""")), Is.True);
    }

    [Test]
    public void Converts_a_metav1_label_selector()
    {
        var selector = LabelSelector.FromJson(JsonNode.Parse("""
            {"matchLabels":{"app":"web"},"matchExpressions":[
              {"key":"tier","operator":"In","values":["front","edge"]},
              {"key":"canary","operator":"DoesNotExist"},
              {"key":"env","operator":"NotIn","values":["dev"]},
              {"key":"team","operator":"Exists"}]}
            """));
        Assert.That(selector.ToString(), Is.EqualTo("app=web,!canary,env notin (dev),team,tier in (edge,front)"));
        Assert.That(selector.Matches(new Dictionary<string, string> { ["app"] = "web", ["tier"] = "edge", ["team"] = "a" }), Is.True);
        Assert.That(selector.Matches(new Dictionary<string, string> { ["app"] = "web", ["tier"] = "edge" }), Is.False);
    }

    [Test]
    public void Null_metav1_selector_matches_nothing_and_empty_matches_everything()
    {
        var empty = new Dictionary<string, string>();
        Assert.That(LabelSelector.FromJson(null).Matches(empty), Is.False);
        Assert.That(LabelSelector.FromJson(new JsonObject()).Matches(empty), Is.True);
        Assert.That(LabelSelector.FromJson(JsonNode.Parse("""{"matchLabels":{}}""")).IsEmpty, Is.True);
        Assert.That(LabelSelector.Nothing.IsEmpty, Is.False);
    }

    [Test]
    public void Rejects_bad_metav1_selectors()
    {
        var op = Assert.Throws<ApiException>(() => LabelSelector.FromJson(JsonNode.Parse("""{"matchExpressions":[{"key":"a","operator":"Gt","values":["1"]}]}""")))!;
        Assert.That(op.Message, Is.EqualTo("\"Gt\" is not a valid label selector operator"));
        var values = Assert.Throws<ApiException>(() => LabelSelector.FromJson(JsonNode.Parse("""{"matchExpressions":[{"key":"a","operator":"In","values":[]}]}""")))!;
        Assert.That(values.Message, Is.EqualTo("values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty"));
        var exists = Assert.Throws<ApiException>(() => LabelSelector.FromJson(JsonNode.Parse("""{"matchExpressions":[{"key":"a","operator":"Exists","values":["x"]}]}""")))!;
        Assert.That(exists.Message, Is.EqualTo("values: Invalid value: []string{\"x\"}: values set must be empty for exists and does not exist"));
        var label = Assert.Throws<ApiException>(() => LabelSelector.FromJson(JsonNode.Parse("""{"matchLabels":{"a":"-x"}}""")))!;
        Assert.That(label.Message, Is.EqualTo("values[0][a]: Invalid value: \"-x\": " + ValueRegexError));
    }

    [Test]
    public void From_set_is_equality_on_every_label()
    {
        var selector = LabelSelector.FromSet(new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" });
        Assert.That(selector.ToString(), Is.EqualTo("a=1,b=2"));
        Assert.That(selector.Matches(new Dictionary<string, string> { ["a"] = "1", ["b"] = "2", ["c"] = "3" }), Is.True);
    }
}
