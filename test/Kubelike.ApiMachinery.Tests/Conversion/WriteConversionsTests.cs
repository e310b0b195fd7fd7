using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Conversion;
using Kubelike.ApiMachinery.Registry;

namespace Kubelike.ApiMachinery.Tests.Conversion;

public sealed class WriteConversionsTests
{
    [Test]
    public void Secret_stringData_is_merged_into_data_and_not_kept()
    {
        var secrets = ResourceRegistry.BuiltIn.Find("", "v1", "secrets")!;
        var secret = JsonNode.Parse("""{"data":{"kept":"a2VwdA==","user":"b2xk"},"stringData":{"user":"admin","pass":"s3cret"}}""")!.AsObject();

        WriteConversions.Apply(secrets, secret);

        Assert.That(secret.ContainsKey("stringData"), Is.False);
        Assert.That((string?)secret["data"]!["kept"], Is.EqualTo("a2VwdA=="));
        Assert.That((string?)secret["data"]!["user"], Is.EqualTo("YWRtaW4="), "stringData wins over data for the same key");
        Assert.That((string?)secret["data"]!["pass"], Is.EqualTo("czNjcmV0"));
    }

    [Test]
    public void Other_kinds_are_left_alone()
    {
        var configMaps = ResourceRegistry.BuiltIn.Find("", "v1", "configmaps")!;
        var configMap = JsonNode.Parse("""{"stringData":{"a":"b"}}""")!.AsObject();

        WriteConversions.Apply(configMaps, configMap);

        Assert.That((string?)configMap["stringData"]!["a"], Is.EqualTo("b"));
    }
}
