using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Apply;

namespace Kubelike.ApiMachinery.Tests.Apply;

public sealed class ManagedFieldsListTests
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Test]
    public void Entries_are_written_Apply_first_then_oldest_first_with_upstream_fields()
    {
        var t1 = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var entries = new Dictionary<ManagerKey, ManagedEntry>
        {
            [ManagerKey.ForUpdate("b", "apps/v1", "")] = new(new FieldSet().Insert(PathElement.Field("x")), "apps/v1", t1),
            [ManagerKey.ForUpdate("a", "apps/v1", "status")] = new(new FieldSet().Insert(PathElement.Field("y")), "apps/v1", t1.AddSeconds(1)),
            [ManagerKey.ForApply("z", "")] = new(new FieldSet().Insert(PathElement.Field("z")), "apps/v1", t1.AddSeconds(5)),
        };
        var json = ManagedFieldsList.Encode(entries)!.ToJsonString();
        Assert.That(json, Is.EqualTo(
            """[{"manager":"z","operation":"Apply","apiVersion":"apps/v1","time":"2024-01-02T03:04:10Z","fieldsType":"FieldsV1","fieldsV1":{"f:z":{}}},"""
            + """{"manager":"b","operation":"Update","apiVersion":"apps/v1","time":"2024-01-02T03:04:05Z","fieldsType":"FieldsV1","fieldsV1":{"f:x":{}}},"""
            + """{"manager":"a","operation":"Update","apiVersion":"apps/v1","time":"2024-01-02T03:04:06Z","fieldsType":"FieldsV1","fieldsV1":{"f:y":{}},"subresource":"status"}]"""));
        var decoded = ManagedFieldsList.TryDecode(JsonNode.Parse(json), out var error);
        Assert.That(error, Is.Null);
        Assert.That(decoded!.Keys, Is.EquivalentTo(entries.Keys));
    }

    [TestCase("""[{"manager":"m","operation":"Patch","apiVersion":"v1","fieldsType":"FieldsV1"}]""", "operation must be `Apply` or `Update`")]
    [TestCase("""[{"manager":"m","operation":"Update","fieldsType":"FieldsV1"}]""", "apiVersion must not be empty")]
    [TestCase("""[{"manager":"m","operation":"Update","apiVersion":"v1"}]""", "missing fieldsType in managed fields entry 0")]
    [TestCase("""[{"manager":"m","operation":"Update","apiVersion":"v1","fieldsType":"FieldsV2"}]""", "invalid fieldsType \"FieldsV2\" in managed fields entry 0")]
    public void Malformed_entries_are_refused_with_upstreams_reason(string json, string reason)
    {
        Assert.That(ManagedFieldsList.TryDecode(JsonNode.Parse(json), out var error), Is.Null);
        Assert.That(error, Is.EqualTo(reason));
    }

    [Test]
    public void Empty_list_or_one_empty_entry_is_a_reset()
    {
        Assert.That(ManagedFieldsList.IsReset(JsonNode.Parse("[]")), Is.True);
        Assert.That(ManagedFieldsList.IsReset(JsonNode.Parse("[{}]")), Is.True);
        Assert.That(ManagedFieldsList.IsReset(null), Is.False);
        Assert.That(ManagedFieldsList.IsReset(JsonNode.Parse("""[{"manager":"m"}]""")), Is.False);
    }

    [Test]
    public void Manager_names_default_to_the_user_agent_product()
    {
        Assert.That(FieldManagerNames.FromUserAgent("kubectl/v1.32.4 (linux/amd64) kubernetes/59526cd"), Is.EqualTo("kubectl"));
        Assert.That(FieldManagerNames.FromUserAgent("kubectl-edit/v1.35.0"), Is.EqualTo("kubectl-edit"));
        Assert.That(FieldManagerNames.FromUserAgent("Python-urllib/3.11"), Is.EqualTo("Python-urllib"));
        Assert.That(FieldManagerNames.FromUserAgent(new string('x', 200)), Has.Length.EqualTo(128));
        Assert.That(FieldManagerNames.Validate(new string('x', 129)).Single().ToString(), Does.Contain("Too long"));
    }
}
