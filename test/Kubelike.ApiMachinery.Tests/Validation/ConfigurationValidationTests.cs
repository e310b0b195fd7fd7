namespace Kubelike.ApiMachinery.Tests.Validation;

public class ConfigurationValidationTests
{
    [Test]
    public void Config_map_keys_must_be_config_keys_and_not_in_both_maps()
    {
        var errors = Validated.Create("""
            {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","namespace":"default"},"data":{"ok.key":"1","bad key":"2","both":"x"},"binaryData":{"both":"eA=="}}
            """);
        Assert.That(Validated.Lines(errors), Is.EqualTo(new[]
        {
            "data[bad key]: Invalid value: \"bad key\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
            "data[both]: Invalid value: \"both\": duplicate of key present in binaryData",
            "binaryData[both]: Invalid value: \"both\": duplicate of key present in data",
        }));
    }

    [Test]
    public void An_immutable_config_map_keeps_its_data()
    {
        var old = """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","namespace":"default"},"immutable":true,"data":{"a":"1"}}""";
        Assert.That(Validated.Lines(Validated.Update(old, old.Replace("\"1\"", "\"2\"", StringComparison.Ordinal))),
            Is.EqualTo(new[] { "data: Forbidden: field is immutable when `immutable` is set" }));
        Assert.That(Validated.Update(old, old), Is.Empty);
    }

    [Test]
    public void A_tls_secret_needs_its_certificate_and_key()
    {
        var errors = Validated.Create("""{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s","namespace":"default"},"type":"kubernetes.io/tls","data":{"tls.crt":"eA=="}}""");
        Assert.That(Validated.Lines(errors), Is.EqualTo(new[] { "data[tls.key]: Required value" }));
        Assert.That(Validated.Create("""{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s","namespace":"default"},"stringData":{"password":"p"}}"""), Is.Empty);
    }

    [Test]
    public void A_docker_config_secret_holds_json()
    {
        var errors = Validated.Create("""{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s","namespace":"default"},"type":"kubernetes.io/dockerconfigjson","stringData":{".dockerconfigjson":"not json"}}""");
        Assert.That(errors.Select(e => e.Field), Is.EqualTo(new[] { "data[.dockerconfigjson]" }));
        Assert.That(errors[0].BadValue, Is.EqualTo("<secret contents redacted>"));
    }

    [Test]
    public void A_secret_type_cannot_change()
    {
        var old = """{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s","namespace":"default"},"type":"Opaque","data":{"a":"eA=="}}""";
        Assert.That(Validated.Lines(Validated.Update(old, old.Replace("\"Opaque\"", "\"example.com/custom\"", StringComparison.Ordinal))),
            Is.EqualTo(new[] { "type: Invalid value: \"example.com/custom\": field is immutable" }));
    }
}
