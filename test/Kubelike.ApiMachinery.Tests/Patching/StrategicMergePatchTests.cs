using System.Text.Json.Nodes;
using Kubelike.Api.Apps.V1;
using Kubelike.Api.Core.V1;
using Kubelike.ApiMachinery.Patching;

namespace Kubelike.ApiMachinery.Tests.Patching;

/// <summary>
/// Strategic merge patch with the merge facts of Kubelike's model types: the documented behaviour of each list
/// strategy and directive (upstream's strategic-merge-patch.md and strategicpatch tests).
/// </summary>
public sealed class StrategicMergePatchTests
{
    private static JsonObject Patch<T>(string original, string patch) =>
        StrategicMergePatch.Apply(JsonNode.Parse(original)!.AsObject(), JsonNode.Parse(patch)!.AsObject(), typeof(T));

    private static void AssertJson(JsonNode actual, string expected) =>
        Assert.That(JsonValues.DeepEquals(actual, JsonNode.Parse(expected)), Is.True, $"got      {actual.ToJsonString()}\nexpected {JsonNode.Parse(expected)!.ToJsonString()}");

    private static PatchException Fails<T>(string original, string patch) => Assert.Throws<PatchException>(() => Patch<T>(original, patch))!;

    private const string TwoContainers = """
        {"spec":{"containers":[
          {"name":"web","image":"nginx:1","ports":[{"containerPort":80,"protocol":"TCP"}],"env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]},
          {"name":"log","image":"busybox"}]}}
        """;

    [Test]
    public void Containers_merge_by_name()
    {
        var result = Patch<Pod>(TwoContainers, """{"spec":{"containers":[{"name":"web","image":"nginx:2"},{"name":"extra","image":"x"}]}}""");
        AssertJson(result["spec"]!["containers"]!, """
            [{"name":"web","image":"nginx:2","ports":[{"containerPort":80,"protocol":"TCP"}],"env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]},
             {"name":"extra","image":"x"},
             {"name":"log","image":"busybox"}]
            """);
    }

    [Test]
    public void Ports_merge_by_container_port()
    {
        var result = Patch<Pod>(TwoContainers, """{"spec":{"containers":[{"name":"web","ports":[{"containerPort":80,"name":"http"},{"containerPort":443}]}]}}""");
        AssertJson(result["spec"]!["containers"]![0]!["ports"]!, """[{"containerPort":80,"protocol":"TCP","name":"http"},{"containerPort":443}]""");
    }

    [Test]
    public void Env_merges_by_name_and_a_delete_directive_removes_an_entry()
    {
        var result = Patch<Pod>(TwoContainers, """{"spec":{"containers":[{"name":"web","env":[{"name":"B","value":"two"},{"name":"A","$patch":"delete"},{"name":"C","value":"3"}]}]}}""");
        AssertJson(result["spec"]!["containers"]![0]!["env"]!, """[{"name":"B","value":"two"},{"name":"C","value":"3"}]""");
    }

    [Test]
    public void A_null_field_deletes_it()
    {
        var result = Patch<Pod>(TwoContainers, """{"spec":{"containers":[{"name":"web","ports":null}]}}""");
        Assert.That(result["spec"]!["containers"]![0]!.AsObject().ContainsKey("ports"), Is.False);
    }

    [Test]
    public void Set_element_order_gives_the_final_order_of_a_merged_list()
    {
        var result = Patch<Pod>(TwoContainers, """{"spec":{"$setElementOrder/containers":[{"name":"log"},{"name":"web"}],"containers":[{"name":"web","image":"nginx:3"}]}}""");
        var containers = result["spec"]!["containers"]!.AsArray();
        Assert.That(containers.Select(c => (string?)c!["name"]), Is.EqualTo(new[] { "log", "web" }));
        Assert.That((string?)containers[1]!["image"], Is.EqualTo("nginx:3"));
        Assert.That(result["spec"]!.AsObject().Any(p => p.Key.StartsWith('$')), Is.False, "no directive is stored");
    }

    [Test]
    public void Set_element_order_that_contradicts_the_patch_list_is_refused() =>
        Assert.That(Fails<Pod>(TwoContainers, """{"spec":{"$setElementOrder/containers":[{"name":"log"},{"name":"web"}],"containers":[{"name":"web"},{"name":"log"}]}}""").Message,
            Does.Contain("doesn't match $setElementOrder list"));

    [Test]
    public void Replace_directive_in_a_list_replaces_the_whole_list()
    {
        var result = Patch<Pod>(TwoContainers, """{"spec":{"containers":[{"name":"only","image":"x"},{"$patch":"replace"}]}}""");
        AssertJson(result["spec"]!["containers"]!, """[{"name":"only","image":"x"}]""");
    }

    [Test]
    public void Replace_directive_in_a_map_replaces_the_map()
    {
        var result = Patch<Deployment>("""{"metadata":{"labels":{"a":"1","b":"2"}}}""", """{"metadata":{"labels":{"c":"3","$patch":"replace"}}}""");
        AssertJson(result["metadata"]!["labels"]!, """{"c":"3"}""");
    }

    [Test]
    public void Delete_directive_in_a_map_empties_it()
    {
        var result = Patch<Deployment>("""{"spec":{"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1}}}}""", """{"spec":{"strategy":{"rollingUpdate":{"$patch":"delete"}}}}""");
        AssertJson(result["spec"]!["strategy"]!, """{"type":"RollingUpdate","rollingUpdate":{}}""");
        var absent = Patch<Deployment>("""{"spec":{}}""", """{"spec":{"strategy":{"$patch":"delete"}}}""");
        AssertJson(absent, """{"spec":{}}""");
    }

    [Test]
    public void A_merge_directive_is_not_for_patches()
    {
        Assert.That(Fails<Pod>(TwoContainers, """{"spec":{"containers":[{"$patch":"merge"}]}}""").Message, Is.EqualTo("merging lists cannot yet be specified in the patch"));
        Assert.That(Fails<Pod>(TwoContainers, """{"spec":{"$patch":"merge"}}""").Message, Is.EqualTo("unknown patch type: merge in map: map[$patch:merge]"));
    }

    [Test]
    public void A_merged_list_element_without_its_merge_key_is_refused()
    {
        var error = Fails<Pod>(TwoContainers, """{"spec":{"containers":[{"image":"x"}]}}""");
        Assert.That((error.Code, error.Message), Is.EqualTo((400, "map: map[image:x] does not contain declared merge key: name")));
    }

    [Test]
    public void Tolerations_have_no_merge_key_and_are_replaced()
    {
        var result = Patch<Pod>("""{"spec":{"tolerations":[{"key":"a","operator":"Exists"},{"key":"b","operator":"Exists"}]}}""",
            """{"spec":{"tolerations":[{"key":"c","operator":"Exists"}]}}""");
        AssertJson(result["spec"]!["tolerations"]!, """[{"key":"c","operator":"Exists"}]""");
    }

    [Test]
    public void Volumes_merge_by_name_and_retain_keys_switches_the_volume_source()
    {
        var result = Patch<Pod>("""{"spec":{"volumes":[{"name":"data","emptyDir":{}},{"name":"other","emptyDir":{}}]}}""",
            """{"spec":{"volumes":[{"name":"data","configMap":{"name":"settings"},"$retainKeys":["configMap","name"]}]}}""");
        AssertJson(result["spec"]!["volumes"]!, """[{"name":"data","configMap":{"name":"settings"}},{"name":"other","emptyDir":{}}]""");
    }

    [Test]
    public void Retain_keys_on_the_deployment_strategy_clears_rolling_update()
    {
        var result = Patch<Deployment>("""{"spec":{"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1}}}}""",
            """{"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"}}}""");
        AssertJson(result["spec"]!["strategy"]!, """{"type":"Recreate"}""");
    }

    [Test]
    public void Retain_keys_must_list_every_key_the_patch_sets()
    {
        var error = Fails<Deployment>("""{"spec":{"strategy":{"type":"RollingUpdate"}}}""", """{"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate","rollingUpdate":{}}}}""");
        Assert.That((error.Code, error.Message), Is.EqualTo((400, "invalid patch format of retainKeys")));
    }

    [Test]
    public void Finalizers_are_a_set_merged_without_duplicates()
    {
        var result = Patch<Deployment>("""{"metadata":{"finalizers":["a","b"]}}""", """{"metadata":{"finalizers":["b","c"]}}""");
        Assert.That(result["metadata"]!["finalizers"]!.AsArray().Select(f => (string?)f), Is.EquivalentTo(new[] { "a", "b", "c" }));
    }

    [Test]
    public void Delete_from_primitive_list_removes_values_and_set_element_order_orders_them()
    {
        var result = Patch<Deployment>("""{"metadata":{"finalizers":["a","b","c"]}}""",
            """{"metadata":{"$deleteFromPrimitiveList/finalizers":["b"],"$setElementOrder/finalizers":["c","a"]}}""");
        Assert.That(result["metadata"]!["finalizers"]!.AsArray().Select(f => (string?)f), Is.EqualTo(new[] { "c", "a" }));
    }

    [Test]
    public void Lists_of_primitives_without_a_strategy_are_replaced()
    {
        var result = Patch<Pod>("""{"spec":{"containers":[{"name":"web","args":["a","b"]}]}}""", """{"spec":{"containers":[{"name":"web","args":["c"]}]}}""");
        AssertJson(result["spec"]!["containers"]![0]!["args"]!, """["c"]""");
    }

    [Test]
    public void Owner_references_merge_by_uid()
    {
        var result = Patch<Deployment>("""{"metadata":{"ownerReferences":[{"uid":"1","name":"a","kind":"K","apiVersion":"v1"}]}}""",
            """{"metadata":{"ownerReferences":[{"uid":"2","name":"b","kind":"K","apiVersion":"v1"},{"uid":"1","controller":true}]}}""");
        AssertJson(result["metadata"]!["ownerReferences"]!, """
            [{"uid":"2","name":"b","kind":"K","apiVersion":"v1"},{"uid":"1","name":"a","kind":"K","apiVersion":"v1","controller":true}]
            """);
    }

    [Test]
    public void Labels_merge_and_null_deletes_one()
    {
        var result = Patch<Deployment>("""{"metadata":{"labels":{"a":"1","b":"2"}}}""", """{"metadata":{"labels":{"b":null,"c":"3"}}}""");
        AssertJson(result["metadata"]!["labels"]!, """{"a":"1","c":"3"}""");
    }

    [Test]
    public void A_new_field_is_taken_without_its_nulls_and_directives()
    {
        var result = Patch<Pod>("""{"spec":{}}""", """{"spec":{"containers":[{"name":"web","image":null,"$setElementOrder/env":[{"name":"A"}],"env":[{"name":"A","value":"1"}]}]}}""");
        AssertJson(result["spec"]!, """{"containers":[{"name":"web","env":[{"name":"A","value":"1"}]}]}""");
    }

    [Test]
    public void A_list_of_lists_is_unprocessable()
    {
        var merged = Fails<Deployment>("""{"metadata":{"finalizers":[]}}""", """{"metadata":{"finalizers":[["a"]]}}""");
        Assert.That((merged.Code, merged.Message), Is.EqualTo((422, "lists of lists are not supported")));
    }

    [Test]
    public void The_original_and_the_patch_are_left_as_they_were()
    {
        var original = JsonNode.Parse(TwoContainers)!.AsObject();
        var patch = JsonNode.Parse("""{"spec":{"containers":[{"name":"web","image":"nginx:2"}]}}""")!.AsObject();
        var before = (original.ToJsonString(), patch.ToJsonString());
        StrategicMergePatch.Apply(original, patch, typeof(Pod));
        Assert.That((original.ToJsonString(), patch.ToJsonString()), Is.EqualTo(before));
    }
}
