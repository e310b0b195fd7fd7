using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kubelike.Api.Apps.V1;
using Kubelike.Api.Core.V1;
using Kubelike.ApiMachinery.Apply;
using Kubelike.ApiMachinery.Errors;

namespace Kubelike.ApiMachinery.Tests.Apply;

public sealed class FieldManagerTests
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly DateTimeOffset Now = new(2025, 5, 6, 7, 8, 9, TimeSpan.Zero);
    private static readonly FieldManagerScope Deployments = new(ApplyType.ForModel(typeof(Deployment)), "apps/v1", "", true, Now);
    private static readonly FieldManagerScope Services = new(ApplyType.ForModel(typeof(Service)), "v1", "", true, Now);
    private static readonly FieldManagerScope Untyped = new(ApplyType.Deduced, "example.com/v1", "", false, Now);

    private static JsonObject Json(string json) => JsonNode.Parse(json)!.AsObject();

    private static JsonObject Deployment(string spec) => Json("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":""" + spec + "}");

    private static string Fields(JsonObject obj, string manager, string operation = "Apply") =>
        ((JsonArray)obj["metadata"]!["managedFields"]!).Single(e => (string?)e!["manager"] == manager && (string?)e["operation"] == operation)!["fieldsV1"]!.ToJsonString(Readable);

    private static IEnumerable<string> Managers(JsonObject obj) =>
        obj["metadata"]?["managedFields"] is JsonArray list ? list.Select(e => $"{e!["manager"]}/{e["operation"]}") : [];

    private static JsonObject Stored(JsonObject obj)
    {
        // What storage keeps: the object as written, with uid set once it exists.
        var copy = obj.DeepClone().AsObject();
        copy["metadata"]!["uid"] = "u1";
        return copy;
    }

    [Test]
    public void Create_gives_every_field_to_the_creator_but_type_and_identity_metadata()
    {
        var created = Deployment("""{"replicas":1,"template":{"spec":{"containers":[{"name":"c","image":"a","ports":[{"containerPort":80,"protocol":"TCP"}]}]}}}""");
        created["metadata"]!["labels"] = Json("""{"app":"web"}""");
        FieldManager.Update(null, created, "kubectl-create", Deployments);
        Assert.That(Fields(created, "kubectl-create", "Update"), Is.EqualTo(
            """{"f:metadata":{"f:labels":{"f:app":{},".":{}}},"f:spec":{"f:replicas":{},"f:template":{"f:spec":{"f:containers":{"k:{\"name\":\"c\"}":{"f:image":{},"f:name":{},"f:ports":{"k:{\"containerPort\":80,\"protocol\":\"TCP\"}":{"f:containerPort":{},"f:protocol":{},".":{}},".":{}},".":{}},".":{}}}}}}"""));
        Assert.That(created["metadata"]!["managedFields"]![0]!["time"]!.GetValue<string>(), Is.EqualTo("2025-05-06T07:08:09Z"));
    }

    [Test]
    public void An_update_moves_the_fields_it_changes_to_its_manager_and_drops_emptied_entries()
    {
        var live = Stored(Deployment("""{"replicas":1,"paused":false}"""));
        FieldManager.Update(null, live, "creator", Deployments);
        var edited = Deployment("""{"replicas":3,"paused":false}""");
        edited["metadata"]!["managedFields"] = live["metadata"]!["managedFields"]!.DeepClone();
        FieldManager.Update(live, edited, "kubectl-edit", Deployments);
        Assert.That(Fields(edited, "kubectl-edit", "Update"), Is.EqualTo("""{"f:spec":{"f:replicas":{}}}"""));
        Assert.That(Fields(edited, "creator", "Update"), Is.EqualTo("""{"f:spec":{"f:paused":{}}}"""));

        var again = Deployment("""{"replicas":4}""");
        FieldManager.Update(Stored(edited), again, "kubectl-edit", Deployments);
        Assert.That(Managers(again), Is.EqualTo(new[] { "kubectl-edit/Update" }), "the creator's last field was removed, so its entry goes");
    }

    [Test]
    public void An_untracked_object_stays_untracked_and_an_empty_list_resets()
    {
        var live = Stored(Deployment("""{"replicas":1}"""));
        var updated = Deployment("""{"replicas":2}""");
        FieldManager.Update(live, updated, "m", Deployments);
        Assert.That(updated["metadata"]!["managedFields"], Is.Null);

        FieldManager.Update(null, live, "m", Deployments);
        var reset = Deployment("""{"replicas":5}""");
        reset["metadata"]!["managedFields"] = new JsonArray();
        FieldManager.Update(live, reset, "m", Deployments);
        Assert.That(reset["metadata"]!["managedFields"], Is.Null);
    }

    [Test]
    public void Managed_fields_a_writer_sends_replace_the_stored_ones_and_malformed_ones_are_ignored()
    {
        var live = Stored(Deployment("""{"replicas":1}"""));
        FieldManager.Update(null, live, "old", Deployments);
        var rewritten = Deployment("""{"replicas":1}""");
        rewritten["metadata"]!["managedFields"] = JsonNode.Parse("""[{"manager":"kubectl","operation":"Apply","apiVersion":"apps/v1","fieldsType":"FieldsV1","fieldsV1":{"f:spec":{"f:replicas":{}}}}]""");
        FieldManager.Update(live, rewritten, "kubectl", Deployments);
        Assert.That(Managers(rewritten), Is.EqualTo(new[] { "kubectl/Apply" }));

        var garbled = Deployment("""{"replicas":1}""");
        garbled["metadata"]!["managedFields"] = JsonNode.Parse("""[{"manager":"x","operation":"Bogus"}]""");
        FieldManager.Update(live, garbled, "kubectl", Deployments);
        Assert.That(Managers(garbled), Is.EqualTo(new[] { "old/Update" }));
    }

    [Test]
    public void Apply_creates_owns_only_what_it_applied_and_reapplying_is_a_no_op()
    {
        var config = Deployment("""{"replicas":2,"template":{"spec":{"containers":[{"name":"c","image":"a"}]}}}""");
        var created = FieldManager.Apply(null, config, "kubectl", false, Deployments);
        Assert.That(Fields(created, "kubectl"), Is.EqualTo(
            """{"f:spec":{"f:replicas":{},"f:template":{"f:spec":{"f:containers":{"k:{\"name\":\"c\"}":{"f:image":{},"f:name":{},".":{}}}}}}}"""));
        // The server defaults after the merge: defaulted fields belong to nobody.
        var stored = Stored(created);
        stored["spec"]!["revisionHistoryLimit"] = 10;
        var again = FieldManager.Apply(stored, config, "kubectl", false, Deployments);
        Assert.That(JsonNode.DeepEquals(again, stored), Is.True, "applying the same configuration again changes nothing");
    }

    [Test]
    public void Map_lists_merge_by_key_keeping_items_others_added_and_order()
    {
        var live = FieldManager.Apply(null, Deployment("""{"template":{"spec":{"containers":[{"name":"a","image":"1"},{"name":"b","image":"1"}]}}}"""), "one", false, Deployments);
        var merged = FieldManager.Apply(Stored(live), Deployment("""{"template":{"spec":{"containers":[{"name":"c","image":"2"},{"name":"b","image":"2"}]}}}"""), "two", true, Deployments);
        var containers = merged["spec"]!["template"]!["spec"]!["containers"]!.AsArray();
        Assert.That(containers.Select(c => $"{c!["name"]}={c["image"]}"), Is.EqualTo(new[] { "a=1", "c=2", "b=2" }));
        Assert.That(Fields(merged, "one"), Is.EqualTo(
            """{"f:spec":{"f:template":{"f:spec":{"f:containers":{"k:{\"name\":\"a\"}":{"f:image":{},"f:name":{},".":{}},"k:{\"name\":\"b\"}":{"f:name":{},".":{}}}}}}}"""),
            "manager one keeps item b (same name) but lost b's image to the forced apply");
    }

    [Test]
    public void Set_lists_merge_by_value_and_atomic_lists_are_replaced()
    {
        var scope = Untyped with { Type = ApplyType.ForModel(typeof(Kubelike.Api.Meta.V1.ObjectMeta)) };
        var live = FieldManager.Apply(null, Json("""{"finalizers":["a","b"],"ownerReferences":[]}"""), "one", false, scope);
        var merged = FieldManager.Apply(Stored(live), Json("""{"finalizers":["c"]}"""), "two", false, scope);
        Assert.That(merged["finalizers"]!.ToJsonString(), Is.EqualTo("""["a","b","c"]"""));
        Assert.That(Fields(merged, "two"), Is.EqualTo("""{"f:finalizers":{"v:\"c\"":{}}}"""));

        var dep = FieldManager.Apply(null, Deployment("""{"template":{"spec":{"containers":[{"name":"c","args":["x","y"]}]}}}"""), "one", false, Deployments);
        var replaced = FieldManager.Apply(Stored(dep), Deployment("""{"template":{"spec":{"containers":[{"name":"c","args":["z"]}]}}}"""), "one", false, Deployments);
        Assert.That(replaced["spec"]!["template"]!["spec"]!["containers"]![0]!["args"]!.ToJsonString(), Is.EqualTo("""["z"]"""));
    }

    [Test]
    public void Granular_maps_merge_and_atomic_maps_are_replaced()
    {
        var live = FieldManager.Apply(null, Deployment("""{"template":{"metadata":{"labels":{"a":"1"}},"spec":{"nodeSelector":{"x":"1"}}}}"""), "one", false, Deployments);
        var merged = FieldManager.Apply(Stored(live), Deployment("""{"template":{"metadata":{"labels":{"b":"2"}},"spec":{"nodeSelector":{"y":"2"}}}}"""), "two", true, Deployments);
        Assert.That(merged["spec"]!["template"]!["metadata"]!["labels"]!.ToJsonString(), Is.EqualTo("""{"a":"1","b":"2"}"""));
        Assert.That(merged["spec"]!["template"]!["spec"]!["nodeSelector"]!.ToJsonString(), Is.EqualTo("""{"y":"2"}"""));
        Assert.That(Fields(merged, "one"), Is.EqualTo("""{"f:spec":{"f:template":{"f:metadata":{"f:labels":{"f:a":{}}}}}}"""), "the atomic nodeSelector changed hands");
    }

    [Test]
    public void Fields_no_longer_applied_are_removed_unless_another_manager_owns_them()
    {
        var live = FieldManager.Apply(null, Deployment("""{"replicas":2,"paused":true,"minReadySeconds":5}"""), "one", false, Deployments);
        live = FieldManager.Apply(Stored(live), Deployment("""{"minReadySeconds":5}"""), "two", false, Deployments);
        var pruned = FieldManager.Apply(Stored(live), Deployment("""{"replicas":2}"""), "one", false, Deployments);
        Assert.That(pruned["spec"]!["paused"], Is.Null, "only one applied paused");
        Assert.That(pruned["spec"]!["minReadySeconds"]!.GetValue<int>(), Is.EqualTo(5), "two still applies it (shared ownership)");
        Assert.That(Fields(pruned, "two"), Is.EqualTo("""{"f:spec":{"f:minReadySeconds":{}}}"""));
    }

    [Test]
    public void Changing_a_field_another_manager_owns_conflicts_and_force_takes_it_over()
    {
        var live = Stored(Deployment("""{"replicas":1}"""));
        FieldManager.Update(null, live, "kubectl-client-side-apply", Deployments);
        var error = Assert.Throws<ApiException>(() => FieldManager.Apply(live, Deployment("""{"replicas":3}"""), "kubectl-ssa", false, Deployments))!;
        Assert.That(error.Code, Is.EqualTo(409));
        Assert.That(error.Reason, Is.EqualTo("Conflict"));
        Assert.That(error.Message, Is.EqualTo("Apply failed with 1 conflict: conflict with \"kubectl-client-side-apply\" using apps/v1: .spec.replicas"));
        Assert.That(error.Details!.Causes.Single(), Is.EqualTo(new StatusCause("FieldManagerConflict", "conflict with \"kubectl-client-side-apply\" using apps/v1", ".spec.replicas")));

        var same = FieldManager.Apply(live, Deployment("""{"replicas":1}"""), "kubectl-ssa", false, Deployments);
        Assert.That(Managers(same), Is.EquivalentTo(new[] { "kubectl-ssa/Apply", "kubectl-client-side-apply/Update" }), "the same value is shared, not a conflict");

        var forced = FieldManager.Apply(live, Deployment("""{"replicas":3}"""), "kubectl-ssa", true, Deployments);
        Assert.That(forced["spec"]!["replicas"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(Managers(forced), Is.EqualTo(new[] { "kubectl-ssa/Apply" }));
    }

    [Test]
    public void Several_conflicts_are_listed_per_manager()
    {
        var live = FieldManager.Apply(null, Deployment("""{"replicas":1,"paused":true}"""), "a", false, Deployments);
        live = FieldManager.Apply(Stored(live), Deployment("""{"minReadySeconds":1}"""), "b", false, Deployments);
        var error = Assert.Throws<ApiException>(() => FieldManager.Apply(Stored(live), Deployment("""{"replicas":2,"paused":false,"minReadySeconds":2}"""), "c", false, Deployments))!;
        Assert.That(error.Message, Is.EqualTo("Apply failed with 3 conflicts: conflicts with \"a\":\n- .spec.paused\n- .spec.replicas\nconflicts with \"b\":\n- .spec.minReadySeconds"));
        Assert.That(error.Details!.Causes, Has.Count.EqualTo(3));
    }

    [Test]
    public void An_object_never_tracked_belongs_to_before_first_apply_when_first_applied()
    {
        var live = Stored(Deployment("""{"replicas":1,"paused":true}"""));
        var error = Assert.Throws<ApiException>(() => FieldManager.Apply(live, Deployment("""{"replicas":2}"""), "m", false, Deployments))!;
        Assert.That(error.Message, Does.Contain("conflict with \"before-first-apply\" using apps/v1: .spec.replicas"));
        var applied = FieldManager.Apply(live, Deployment("""{"replicas":1}"""), "m", false, Deployments);
        Assert.That(Fields(applied, "before-first-apply", "Update"), Is.EqualTo("""{"f:spec":{"f:paused":{},"f:replicas":{}}}"""));
    }

    [Test]
    public void Service_ports_key_on_port_and_defaulted_protocol()
    {
        var live = FieldManager.Apply(null, Json("""{"apiVersion":"v1","kind":"Service","metadata":{"name":"s"},"spec":{"ports":[{"port":80}]}}"""), "m", false, Services);
        Assert.That(Fields(live, "m"), Is.EqualTo("""{"f:spec":{"f:ports":{"k:{\"port\":80,\"protocol\":\"TCP\"}":{"f:port":{},".":{}}}}}"""));
    }

    [Test]
    public void Kinds_without_a_model_are_deduced_maps_granular_lists_atomic()
    {
        var live = FieldManager.Apply(null, Json("""{"apiVersion":"example.com/v1","kind":"Thing","metadata":{"name":"t"},"spec":{"a":{"b":1},"list":[1,2]}}"""), "m", false, Untyped);
        Assert.That(Fields(live, "m"), Is.EqualTo("""{"f:spec":{"f:a":{"f:b":{},".":{}},"f:list":{},".":{}}}"""));
        var merged = FieldManager.Apply(Stored(live), Json("""{"apiVersion":"example.com/v1","kind":"Thing","metadata":{"name":"t"},"spec":{"a":{"c":2},"list":[3]}}"""), "n", true, Untyped);
        Assert.That(merged["spec"]!.ToJsonString(), Is.EqualTo("""{"a":{"b":1,"c":2},"list":[3]}"""));
    }

    [Test]
    public void More_than_ten_update_managers_merge_the_oldest_into_ancient_changes()
    {
        var obj = Stored(Deployment("""{"minReadySeconds":0}"""));
        FieldManager.Update(null, obj, "m0", Deployments);
        for (var i = 1; i <= 11; i++)
        {
            var next = Stored(Deployment($$"""{"minReadySeconds":0}"""));
            next["metadata"]!["labels"] = Json($$"""{"l{{i}}":"x"}""").Also(labels =>
            {
                foreach (var (key, value) in obj["metadata"]!["labels"]?.AsObject() ?? [])
                    labels[key] = value?.DeepClone();
            });
            next["metadata"]!["managedFields"] = obj["metadata"]!["managedFields"]!.DeepClone();
            FieldManager.Update(obj, next, $"m{i}", Deployments with { Now = Now.AddSeconds(i) });
            obj = next;
        }
        Assert.That(Managers(obj).Count(), Is.EqualTo(10));
        Assert.That(Managers(obj), Does.Contain("ancient-changes/Update").And.Not.Contain("m0/Update").And.Not.Contain("m1/Update").And.Not.Contain("m2/Update"));
        Assert.That(Fields(obj, "ancient-changes", "Update"), Is.EqualTo("""{"f:metadata":{"f:labels":{"f:l1":{},"f:l2":{},".":{}}},"f:spec":{"f:minReadySeconds":{}}}"""));
    }

    [Test]
    public void Status_is_not_owned_through_the_main_resource()
    {
        var live = FieldManager.Apply(null, Deployment("""{"replicas":1}""").Also(d => d["status"] = Json("""{"replicas":1}""")), "m", false, Deployments);
        Assert.That(Fields(live, "m"), Is.EqualTo("""{"f:spec":{"f:replicas":{}}}"""));
    }
}

internal static class JsonObjectExtensions
{
    public static JsonObject Also(this JsonObject obj, Action<JsonObject> change)
    {
        change(obj);
        return obj;
    }
}
