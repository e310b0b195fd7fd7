using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Apply;

namespace Kubelike.ApiMachinery.Tests.Apply;

public sealed class FieldSetTests
{
    // The shape kube-apiserver writes for `kubectl apply --server-side` of a Deployment ("." after the children).
    private const string UpstreamShaped =
        """{"f:metadata":{"f:labels":{"f:app":{}}},"f:spec":{"f:replicas":{},"f:selector":{},"f:template":{"f:spec":{"f:containers":{"k:{\"name\":\"nginx\"}":{"f:image":{},"f:name":{},"f:ports":{"k:{\"containerPort\":80,\"protocol\":\"TCP\"}":{"f:containerPort":{},".":{}}},".":{}}},"f:finalizers":{"v:\"a\"":{},"v:\"b\"":{}}}}}}""";

    private static FieldSet Parse(string json) => FieldSet.FromJson(JsonNode.Parse(json));

    [Test]
    public void Upstream_shaped_FieldsV1_round_trips_byte_for_byte()
    {
        Assert.That(Parse(UpstreamShaped).ToString(), Is.EqualTo(UpstreamShaped));
    }

    [Test]
    public void Keys_are_written_sorted_by_name_and_elements_in_upstream_order()
    {
        var set = new FieldSet()
            .Insert(PathElement.Index(0))
            .Insert(PathElement.ForValue(JsonValue.Create("x")))
            .Insert(PathElement.Key([KeyValuePair.Create("protocol", (JsonNode?)JsonValue.Create("TCP")), KeyValuePair.Create("port", (JsonNode?)JsonValue.Create(80))]))
            .Insert(PathElement.Field("b"))
            .Insert(PathElement.Field("a"));
        Assert.That(set.ToString(), Is.EqualTo("""{"f:a":{},"f:b":{},"k:{\"port\":80,\"protocol\":\"TCP\"}":{},"v:\"x\"":{},"i:0":{}}"""));
    }

    [Test]
    public void Key_and_value_elements_use_Go_escaping_and_print_like_structured_merge_diff()
    {
        var key = PathElement.Key([KeyValuePair.Create("name", (JsonNode?)JsonValue.Create("a<b"))]);
        Assert.That(key.Serialize(), Is.EqualTo("k:{\"name\":\"a\\u003cb\"}"));
        Assert.That(PathElement.Parse(key.Serialize()), Is.EqualTo(key));
        Assert.That(PathElement.Format([PathElement.Field("spec"), PathElement.Field("containers"), PathElement.Key([KeyValuePair.Create("name", (JsonNode?)JsonValue.Create("c"))]), PathElement.Field("image")]),
            Is.EqualTo(".spec.containers[name=\"c\"].image"));
        Assert.That(PathElement.ForValue(JsonValue.Create("a")).ToString(), Is.EqualTo("[=\"a\"]"));
        Assert.That(PathElement.Index(3).ToString(), Is.EqualTo("[3]"));
    }

    [Test]
    public void Malformed_FieldsV1_is_a_format_error_and_unknown_element_types_are_dropped()
    {
        Assert.Throws<FormatException>(() => Parse("""{"x":{}}"""));
        Assert.Throws<FormatException>(() => Parse("""{"k:{notjson":{}}"""));
        Assert.Throws<FormatException>(() => Parse("""{"f:a":1}"""));
        Assert.That(Parse("""{"z:future":{},"f:a":{}}""").ToString(), Is.EqualTo("""{"f:a":{}}"""));
    }

    [Test]
    public void Union_difference_intersection_and_leaves()
    {
        var a = Parse("""{"f:spec":{"f:replicas":{},"f:paused":{}}}""");
        var b = Parse("""{"f:spec":{"f:replicas":{},"f:minReadySeconds":{}}}""");
        Assert.That(a.Union(b).ToString(), Is.EqualTo("""{"f:spec":{"f:minReadySeconds":{},"f:paused":{},"f:replicas":{}}}"""));
        Assert.That(a.Difference(b).ToString(), Is.EqualTo("""{"f:spec":{"f:paused":{}}}"""));
        Assert.That(a.Intersection(b).ToString(), Is.EqualTo("""{"f:spec":{"f:replicas":{}}}"""));
        Assert.That(a.Difference(a).IsEmpty, Is.True);

        var item = Parse("""{"f:c":{"k:{\"name\":\"x\"}":{".":{},"f:image":{}}}}""");
        Assert.That(item.Leaves().ToString(), Is.EqualTo("""{"f:c":{"k:{\"name\":\"x\"}":{"f:image":{}}}}"""));
        Assert.That(item.RecursiveDifference(Parse("""{"f:c":{}}""")).IsEmpty, Is.True, "a member takes everything below it");
        Assert.That(item.Difference(Parse("""{"f:c":{}}""")).SetEquals(item), Is.True, "a plain difference keeps the children");
    }

    [Test]
    public void Paths_lists_members_of_a_level_before_its_children()
    {
        var set = Parse("""{"f:spec":{"f:template":{"f:x":{}},"f:replicas":{}},"f:data":{}}""");
        Assert.That(set.Paths().Select(PathElement.Format), Is.EqualTo(new[] { ".data", ".spec.replicas", ".spec.template.x" }));
    }
}
