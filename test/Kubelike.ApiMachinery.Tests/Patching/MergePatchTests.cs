using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Patching;

namespace Kubelike.ApiMachinery.Tests.Patching;

/// <summary>JSON merge patch: the examples of RFC 7386 appendix A.</summary>
public sealed class MergePatchTests
{
    [TestCase("""{"a":"b"}""", """{"a":"c"}""", """{"a":"c"}""")]
    [TestCase("""{"a":"b"}""", """{"b":"c"}""", """{"a":"b","b":"c"}""")]
    [TestCase("""{"a":"b"}""", """{"a":null}""", """{}""")]
    [TestCase("""{"a":"b","b":"c"}""", """{"a":null}""", """{"b":"c"}""")]
    [TestCase("""{"a":["b"]}""", """{"a":"c"}""", """{"a":"c"}""")]
    [TestCase("""{"a":"c"}""", """{"a":["b"]}""", """{"a":["b"]}""")]
    [TestCase("""{"a":{"b":"c"}}""", """{"a":{"b":"d","c":null}}""", """{"a":{"b":"d"}}""")]
    [TestCase("""{"a":[{"b":"c"}]}""", """{"a":[1]}""", """{"a":[1]}""")]
    [TestCase("""["a","b"]""", """["c","d"]""", """["c","d"]""")]
    [TestCase("""{"a":"b"}""", """["c"]""", """["c"]""")]
    [TestCase("""{"a":"foo"}""", "null", "null")]
    [TestCase("""{"a":"foo"}""", "\"bar\"", "\"bar\"")]
    [TestCase("""{"e":null}""", """{"a":1}""", """{"e":null,"a":1}""")]
    [TestCase("""[1,2]""", """{"a":"b","c":null}""", """{"a":"b"}""")]
    [TestCase("""{}""", """{"a":{"bb":{"ccc":null}}}""", """{"a":{"bb":{}}}""")]
    public void Rfc7386_appendix_a(string original, string patch, string expected)
    {
        var target = JsonNode.Parse(original);
        var result = MergePatch.Apply(target, JsonNode.Parse(patch));
        Assert.That(JsonNode.DeepEquals(result, JsonNode.Parse(expected)), Is.True, $"got {result?.ToJsonString() ?? "null"}");
        Assert.That(JsonNode.DeepEquals(target, JsonNode.Parse(original)), Is.True, "the target is left as it was");
    }

    [Test]
    public void A_patch_that_is_not_an_object_cannot_patch_a_kubernetes_object()
    {
        var error = Assert.Throws<PatchException>(() => ObjectPatch.Apply(PatchTypes.Merge, new JsonObject { ["a"] = 1 }, JsonNode.Parse("[1]"), null));
        Assert.That(error!.Code, Is.EqualTo(400));
    }
}
