using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Patching;

namespace Kubelike.ApiMachinery.Tests.Patching;

/// <summary>JSON patch: the examples of RFC 6902 appendix A, and the failures as kube-apiserver reports them.</summary>
public sealed class JsonPatchTests
{
    private static JsonNode Apply(string document, string patch) =>
        JsonPatch.Apply(JsonNode.Parse(document)!, ObjectPatch.Parse(System.Text.Encoding.UTF8.GetBytes(patch)));

    private static void AssertJson(JsonNode actual, string expected) =>
        Assert.That(JsonNode.DeepEquals(actual, JsonNode.Parse(expected)), Is.True, $"got {actual.ToJsonString()}, expected {expected}");

    private static PatchException Fails(string document, string patch) =>
        Assert.Throws<PatchException>(() => Apply(document, patch))!;

    [TestCase("""{"foo":"bar"}""", """[{"op":"add","path":"/baz","value":"qux"}]""", """{"baz":"qux","foo":"bar"}""", TestName = "A.1 adding an object member")]
    [TestCase("""{"foo":["bar","baz"]}""", """[{"op":"add","path":"/foo/1","value":"qux"}]""", """{"foo":["bar","qux","baz"]}""", TestName = "A.2 adding an array element")]
    [TestCase("""{"baz":"qux","foo":"bar"}""", """[{"op":"remove","path":"/baz"}]""", """{"foo":"bar"}""", TestName = "A.3 removing an object member")]
    [TestCase("""{"foo":["bar","qux","baz"]}""", """[{"op":"remove","path":"/foo/1"}]""", """{"foo":["bar","baz"]}""", TestName = "A.4 removing an array element")]
    [TestCase("""{"baz":"qux","foo":"bar"}""", """[{"op":"replace","path":"/baz","value":"boo"}]""", """{"baz":"boo","foo":"bar"}""", TestName = "A.5 replacing a value")]
    [TestCase("""{"foo":{"bar":"baz","waldo":"fred"},"qux":{"corge":"grault"}}""", """[{"op":"move","from":"/foo/waldo","path":"/qux/thud"}]""",
        """{"foo":{"bar":"baz"},"qux":{"corge":"grault","thud":"fred"}}""", TestName = "A.6 moving a value")]
    [TestCase("""{"foo":["all","grass","cows","eat"]}""", """[{"op":"move","from":"/foo/1","path":"/foo/3"}]""", """{"foo":["all","cows","eat","grass"]}""", TestName = "A.7 moving an array element")]
    [TestCase("""{"baz":"qux","foo":["a",2,"c"]}""", """[{"op":"test","path":"/baz","value":"qux"},{"op":"test","path":"/foo/1","value":2}]""",
        """{"baz":"qux","foo":["a",2,"c"]}""", TestName = "A.8 testing a value: success")]
    [TestCase("""{"foo":"bar"}""", """[{"op":"add","path":"/child","value":{"grandchild":{}}}]""", """{"foo":"bar","child":{"grandchild":{}}}""", TestName = "A.10 adding a nested member object")]
    [TestCase("""{"foo":"bar"}""", """[{"op":"add","path":"/baz","value":"qux","xyz":123}]""", """{"foo":"bar","baz":"qux"}""", TestName = "A.11 ignoring unrecognized elements")]
    [TestCase("""{"/":9,"~1":10}""", """[{"op":"test","path":"/~01","value":10}]""", """{"/":9,"~1":10}""", TestName = "A.14 ~ escape ordering")]
    [TestCase("""{"foo":["bar"]}""", """[{"op":"add","path":"/foo/-","value":["abc","def"]}]""", """{"foo":["bar",["abc","def"]]}""", TestName = "A.16 adding an array value")]
    [TestCase("""{"a":{"b/c":1,"d~e":2}}""", """[{"op":"copy","from":"/a/b~1c","path":"/a/d~0e"}]""", """{"a":{"b/c":1,"d~e":1}}""", TestName = "copy with escaped tokens")]
    [TestCase("""{"a":[1,2,3]}""", """[{"op":"remove","path":"/a/-1"},{"op":"replace","path":"/a/-2","value":0}]""", """{"a":[0,2]}""", TestName = "negative indices count from the end")]
    [TestCase("""{"a":{}}""", """[{"op":"replace","path":"/a/b","value":1}]""", """{"a":{"b":1}}""", TestName = "replace of a missing member adds it, as upstream")]
    [TestCase("""{"a":1}""", """[{"op":"test","path":"/missing","value":null}]""", """{"a":1}""", TestName = "a missing member passes a test for null")]
    [TestCase("""{"a":1}""", """[{"op":"replace","path":"","value":{"b":2}}]""", """{"b":2}""", TestName = "replace of the whole document")]
    public void Applies(string document, string patch, string expected) => AssertJson(Apply(document, patch), expected);

    [Test]
    public void A9_a_failed_test_is_an_unprocessable_patch_with_upstreams_message()
    {
        var error = Fails("""{"baz":"qux"}""", """[{"op":"test","path":"/baz","value":"bar"}]""");
        Assert.That(error.Message, Is.EqualTo("testing value /baz failed: test failed"));
        Assert.That(error.Code, Is.EqualTo(422));
        var status = error.ToApiException();
        Assert.That((status.Code, status.Reason, status.Message), Is.EqualTo((422, "Invalid", "the server rejected our request due to an error in our request")));
    }

    [Test]
    public void A12_adding_to_a_nonexistent_target_fails() =>
        Assert.That(Fails("""{"foo":"bar"}""", """[{"op":"add","path":"/baz/bat","value":"qux"}]""").Message,
            Is.EqualTo("add operation does not apply: doc is missing path: \"/baz/bat\": missing value"));

    [Test]
    public void A13_an_operation_with_two_ops_is_refused()
    {
        var error = Fails("""{"foo":"bar"}""", """[{"op":"add","path":"/baz","value":"qux","op":"remove"}]""");
        Assert.That(error.Code, Is.EqualTo(400).Or.EqualTo(422));
    }

    [Test]
    public void A15_a_string_does_not_equal_a_number() =>
        Assert.That(Fails("""{"/":9,"~1":10}""", """[{"op":"test","path":"/~01","value":"10"}]""").Message,
            Is.EqualTo("testing value /~01 failed: test failed"));

    [Test]
    public void The_operations_apply_in_order_and_none_apply_when_one_fails()
    {
        var document = JsonNode.Parse("""{"a":1}""")!;
        Assert.Throws<PatchException>(() => JsonPatch.Apply(document, JsonNode.Parse("""[{"op":"replace","path":"/a","value":2},{"op":"remove","path":"/b"}]""")));
        AssertJson(document, """{"a":1}""");
    }

    [TestCase("""[{"op":"remove","path":"/nope"}]""", "error in remove for path: '/nope': Unable to remove nonexistent key: nope: missing value")]
    [TestCase("""[{"op":"add","path":"/list/5","value":1}]""", "error in add for path: '/list/5': Unable to access invalid index: 5: invalid index referenced")]
    [TestCase("""[{"op":"add","path":"/list/x","value":1}]""", "error in add for path: '/list/x': value was not a proper array index: 'x': strconv.Atoi: parsing \"x\": invalid syntax")]
    [TestCase("""[{"op":"replace","path":"/list/7","value":1}]""", "replace operation does not apply: doc is missing key: /list/7: missing value")]
    [TestCase("""[{"op":"move","from":"/gone","path":"/x"}]""", "error in move for path: 'gone': Unable to remove nonexistent key: gone: missing value")]
    [TestCase("""[{"op":"copy","from":"/a/b/c","path":"/x"}]""", "copy operation does not apply: doc is missing from path: /a/b/c: missing value")]
    [TestCase("""[{"op":"jump","path":"/x"}]""", "Unexpected kind: jump")]
    [TestCase("""[{"path":"/x"}]""", "Unexpected kind: unknown")]
    [TestCase("""[{"op":"add","value":1}]""", "add operation failed to decode path: missing value")]
    public void A_failed_operation_says_why(string patch, string message)
    {
        var error = Fails("""{"list":[1,2],"a":{}}""", patch);
        Assert.That((error.Code, error.Message), Is.EqualTo((422, message)));
    }

    [TestCase("""{"op":"add"}""", "json: cannot unmarshal object into Go value of type jsonpatch.Patch")]
    [TestCase("""["add"]""", "json: cannot unmarshal string into Go value of type jsonpatch.Operation")]
    public void A_patch_that_is_not_a_list_of_operations_is_a_bad_request(string patch, string message)
    {
        var error = Fails("{}", patch);
        Assert.That((error.Code, error.Message), Is.EqualTo((400, message)));
    }

    [Test]
    public void Invalid_json_is_a_bad_request()
    {
        var error = Assert.Throws<PatchException>(() => ObjectPatch.Parse("[{"u8));
        Assert.That((error!.Code, error.Message), Is.EqualTo((400, "invalid JSON patch")));
    }

    [Test]
    public void More_than_ten_thousand_operations_are_too_large()
    {
        var patch = new JsonArray([.. Enumerable.Range(0, JsonPatch.MaxOperations + 1).Select(_ => (JsonNode)new JsonObject { ["op"] = "test", ["path"] = "/a", ["value"] = 1 })]);
        var error = Assert.Throws<PatchException>(() => JsonPatch.Apply(JsonNode.Parse("""{"a":1}""")!, patch));
        Assert.That((error!.Code, error.Message), Is.EqualTo((413, "The allowed maximum operations in a JSON patch is 10000, got 10001")));
        Assert.That(error.ToApiException().Message, Is.EqualTo("Request entity too large: The allowed maximum operations in a JSON patch is 10000, got 10001"));
    }

    [TestCase("a~1b", "a/b")]
    [TestCase("m~0n", "m~n")]
    [TestCase("~01", "~1")]
    [TestCase("plain", "plain")]
    public void Pointer_tokens_unescape_in_one_pass(string token, string expected)
    {
        Assert.That(JsonPointer.Unescape(token), Is.EqualTo(expected));
        Assert.That(JsonPointer.Unescape(JsonPointer.Escape(expected)), Is.EqualTo(expected));
    }
}
