using System.Text.Json.Nodes;
using Kubelike.Api.Apps.V1;
using Kubelike.ApiMachinery.Patching;

namespace Kubelike.ApiMachinery.Tests.Patching;

/// <summary>
/// Seeded random patches built from directive-heavy pieces: every one either applies or fails with a
/// <see cref="PatchException"/> (a 400/413/422 Status), never with another exception (a 500).
/// </summary>
public sealed class PatchFuzzTests
{
    private const string Original = """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"a":"1"},"finalizers":["x","y"],
         "ownerReferences":[{"uid":"u1","name":"o"}]},
         "spec":{"replicas":2,"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1}},
          "template":{"spec":{"volumes":[{"name":"v","emptyDir":{}}],"tolerations":[{"key":"k"}],
           "containers":[{"name":"a","image":"i","ports":[{"containerPort":80}],"env":[{"name":"E","value":"1"}]},{"name":"b","image":"j"}]}}}}
        """;

    private static readonly string[] Keys =
    [
        "spec", "template", "containers", "ports", "env", "volumes", "tolerations", "metadata", "labels", "finalizers", "name",
        "containerPort", "image", "strategy", "rollingUpdate", "ownerReferences", "uid", "$patch", "$retainKeys",
        "$setElementOrder/containers", "$setElementOrder/finalizers", "$deleteFromPrimitiveList/finalizers", "$setElementOrder", "$deleteFromPrimitiveList/",
    ];

    private static readonly string[] Words = ["replace", "delete", "merge", "a", "b", "x", "v", "", "80"];

    [Test]
    public void Random_strategic_patches_apply_or_fail_as_a_status()
    {
        var random = new Random(4242);
        var original = JsonNode.Parse(Original)!.AsObject();
        var outcomes = new Dictionary<string, int>();
        for (var i = 0; i < 3000; i++)
        {
            var patch = RandomObject(random, depth: 0);
            string outcome;
            try
            {
                StrategicMergePatch.Apply(original, patch, typeof(Deployment));
                outcome = "applied";
            }
            catch (PatchException exception)
            {
                outcome = exception.Code.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (Exception exception)
            {
                Assert.Fail($"patch {patch.ToJsonString()} threw {exception}");
                return;
            }
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }
        Assert.That(outcomes.Keys, Is.SupersetOf(new[] { "applied", "400" }), string.Join(", ", outcomes));
    }

    [Test]
    public void Random_json_patches_apply_or_fail_as_a_status()
    {
        var random = new Random(77);
        var original = JsonNode.Parse(Original)!;
        string[] ops = ["add", "remove", "replace", "move", "copy", "test", "bogus"];
        string[] paths = ["", "/", "/spec", "/spec/replicas", "/spec/template/spec/containers/0", "/spec/template/spec/containers/-", "/spec/template/spec/containers/9",
            "/spec/template/spec/containers/-1", "/metadata/labels/a~1b", "/metadata/finalizers/x", "/nope/deeper", "spec", "/spec/replicas/0"];
        for (var i = 0; i < 3000; i++)
        {
            var patch = new JsonArray();
            for (var n = random.Next(1, 4); n > 0; n--)
            {
                var op = new JsonObject { ["op"] = ops[random.Next(ops.Length)], ["path"] = paths[random.Next(paths.Length)] };
                if (random.Next(2) == 0)
                    op["from"] = paths[random.Next(paths.Length)];
                if (random.Next(3) > 0)
                    op["value"] = RandomValue(random, depth: 2);
                patch.Add(op);
            }
            try
            {
                JsonPatch.Apply(original, patch);
            }
            catch (PatchException)
            {
            }
            catch (Exception exception)
            {
                Assert.Fail($"patch {patch.ToJsonString()} threw {exception}");
            }
        }
    }

    private static JsonObject RandomObject(Random random, int depth)
    {
        var obj = new JsonObject();
        for (var n = random.Next(1, 4); n > 0; n--)
            obj[Keys[random.Next(Keys.Length)]] = RandomValue(random, depth + 1);
        return obj;
    }

    private static JsonNode? RandomValue(Random random, int depth) => (depth > 5 ? random.Next(3) : random.Next(7)) switch
    {
        0 => null,
        1 => Words[random.Next(Words.Length)],
        2 => random.Next(100),
        3 or 4 => RandomObject(random, depth),
        _ => new JsonArray([.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => random.Next(3) == 0 ? (JsonNode?)Words[random.Next(Words.Length)] : RandomObject(random, depth + 1))]),
    };
}
