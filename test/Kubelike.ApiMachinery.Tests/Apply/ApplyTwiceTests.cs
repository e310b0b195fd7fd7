using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Apply;
using Kubelike.ApiMachinery.Defaulting;
using Kubelike.ApiMachinery.Registry;
using Kubelike.ApiMachinery.Schema;
using Kubelike.Testing.Generators;

namespace Kubelike.ApiMachinery.Tests.Apply;

/// <summary>
/// Property: applying the same configuration a second time changes nothing — not the object, not its managedFields
/// (so the server has nothing to write and keeps the resourceVersion). Checked over seeded random objects of several
/// kinds, through the steps the server takes: merge with <see cref="FieldManager.Apply"/>, then default.
/// </summary>
public sealed class ApplyTwiceTests
{
    private const int Objects = 400;
    private static readonly DateTimeOffset First = new(2025, 5, 6, 7, 8, 9, TimeSpan.Zero);

    [Test]
    public void Applying_the_same_configuration_twice_is_a_no_op([Values(1, 2, 3)] int seed)
    {
        var manifests = new RandomManifests(seed);
        for (var i = 0; i < Objects; i++)
        {
            var generated = manifests.Next($"obj-{i}");
            var (resource, scope) = ScopeOf(generated);
            var stored = ApplyAndDefault(null, generated.Manifest, resource, scope);

            // Later, with the keys of every map in another order: maps are unordered, so this is the same configuration.
            var again = ApplyAndDefault(stored, manifests.ShuffleKeys(generated.Manifest).AsObject(), resource, scope with { Now = First.AddMinutes(5) });

            Assert.That(JsonNode.DeepEquals(again, stored), Is.True,
                $"seed {seed}, object {i}: the second apply changed the object{Environment.NewLine}config: {generated.Manifest.ToJsonString()}{Environment.NewLine}"
                + $"first:  {stored.ToJsonString()}{Environment.NewLine}second: {again.ToJsonString()}");
        }
    }

    [Test]
    public void A_second_manager_applying_the_same_values_shares_them_and_a_third_apply_of_either_is_a_no_op([Values(1, 2)] int seed)
    {
        var manifests = new RandomManifests(seed);
        for (var i = 0; i < Objects / 4; i++)
        {
            var generated = manifests.Next($"obj-{i}");
            var (resource, scope) = ScopeOf(generated);
            var stored = ApplyAndDefault(null, generated.Manifest, resource, scope);
            var shared = ApplyAndDefault(stored, generated.Manifest, resource, scope, manager: "other");
            Assert.That(JsonNode.DeepEquals(shared["spec"], stored["spec"]) && JsonNode.DeepEquals(shared["data"], stored["data"]), Is.True,
                $"object {i}: the same values from another manager change nothing but managedFields: {shared.ToJsonString()}");

            foreach (var manager in new[] { "kubectl", "other" })
            {
                var again = ApplyAndDefault(shared, generated.Manifest, resource, scope with { Now = First.AddMinutes(5) }, manager);
                Assert.That(JsonNode.DeepEquals(again, shared), Is.True, $"object {i}, {manager} again: {again.ToJsonString()}");
            }
        }
    }

    [Test]
    public void An_apply_that_owns_no_field_leaves_the_object_untracked_so_the_next_apply_records_before_first_apply()
    {
        // Upstream's behaviour too: no manager owns anything, so the object has no managedFields, and the next apply
        // first hands what is there (the defaulted type) to before-first-apply, a change of managedFields.
        var generated = new GeneratedObject("Secret", "v1", "secrets", JsonNode.Parse("""{"apiVersion":"v1","kind":"Secret","metadata":{"name":"bare"}}""")!.AsObject());
        var (resource, scope) = ScopeOf(generated);
        var stored = ApplyAndDefault(null, generated.Manifest, resource, scope);
        var again = ApplyAndDefault(stored, generated.Manifest, resource, scope);

        Assert.That(stored["metadata"]!["managedFields"], Is.Null);
        Assert.That(again["metadata"]!["managedFields"]!.AsArray().Select(e => $"{e!["manager"]}/{e["operation"]} {e["fieldsV1"]!.ToJsonString()}"),
            Is.EqualTo(new[] { """before-first-apply/Update {"f:type":{}}""" }));
    }

    private static (ResourceDefinition Resource, FieldManagerScope Scope) ScopeOf(GeneratedObject generated)
    {
        var (group, version) = generated.ApiVersion.Split('/') is [var g, var v] ? (g, v) : ("", generated.ApiVersion);
        var resource = ResourceRegistry.BuiltIn.Find(group, version, generated.Plural) ?? throw new InvalidOperationException($"no {generated.Plural}");
        return (resource, new FieldManagerScope(ApplyType.ForModel(ModelTypes.Find(resource)), resource.ApiVersion, "", resource.HasStatus, First));
    }

    /// <summary>What the server does for an apply, and what it would store: merge, default, and (on create) give it an identity.</summary>
    private static JsonObject ApplyAndDefault(JsonObject? live, JsonObject config, ResourceDefinition resource, FieldManagerScope scope, string manager = "kubectl")
    {
        // Through text, as the server has them: the body it read, the object it loaded from storage.
        var merged = FieldManager.Apply(Reparsed(live), Reparsed(config), manager, force: false, scope);
        ObjectDefaulter.Apply(resource, merged);
        if (live is null)
        {
            merged["metadata"]!["uid"] = "u1";
            merged["metadata"]!["resourceVersion"] = "1";
        }
        return merged;
    }

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(obj))]
    private static JsonObject? Reparsed(JsonObject? obj) => obj is null ? null : JsonNode.Parse(obj.ToJsonString())!.AsObject();
}
