using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Errors;
using Kubelike.ApiMachinery.Registry;
using Kubelike.ApiMachinery.Schema;

namespace Kubelike.ApiMachinery.Tests.Schema;

public sealed class ObjectDecoderTests
{
    private static readonly ResourceDefinition Deployments = ResourceRegistry.BuiltIn.Find("apps", "v1", "deployments")!;

    private static JsonObject Deployment(string extra = "") => JsonNode.Parse(
        """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":2"""
        + extra
        + ""","selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"c","image":"busybox","ports":[{"containerPort":80}]}]}}}}""")!.AsObject();

    [Test]
    public void Strict_refuses_an_unknown_field_and_names_it()
    {
        var error = Assert.Throws<ApiException>(() => ObjectDecoder.Decode(Deployment(",\"bogus\":1"), Deployments, FieldValidation.Strict, new List<string>()));
        Assert.That(error!.Code, Is.EqualTo(400));
        Assert.That(error.Message, Is.EqualTo("Deployment in version \"v1\" cannot be handled as a Deployment: strict decoding error: unknown field \"spec.bogus\""));
    }

    [Test]
    public void Warn_keeps_going_and_reports_the_unknown_field()
    {
        var warnings = new List<string>();
        var decoded = ObjectDecoder.Decode(Deployment(",\"bogus\":1"), Deployments, FieldValidation.Warn, warnings);
        Assert.That(warnings, Is.EqualTo(new[] { "unknown field \"spec.bogus\"" }));
        Assert.That(decoded["spec"]!["bogus"], Is.Null, "unknown fields never reach storage");
        Assert.That(decoded["spec"]!["replicas"]!.GetValue<int>(), Is.EqualTo(2));
    }

    [Test]
    public void Ignore_drops_unknown_fields_silently_and_keeps_known_ones()
    {
        var warnings = new List<string>();
        var decoded = ObjectDecoder.Decode(Deployment(",\"bogus\":1"), Deployments, FieldValidation.Ignore, warnings);
        Assert.That(warnings, Is.Empty);
        Assert.That(decoded["spec"]!["bogus"], Is.Null);
        Assert.That(decoded["spec"]!["template"]!["spec"]!["containers"]![0]!["ports"]![0]!["containerPort"]!.GetValue<int>(), Is.EqualTo(80));
        Assert.That(decoded["metadata"]!["labels"]!["app"]!.GetValue<string>(), Is.EqualTo("web"));
    }

    [Test]
    public void A_value_of_the_wrong_type_is_a_bad_request_naming_the_field()
    {
        var obj = Deployment();
        obj["spec"]!["replicas"] = "two";
        var error = Assert.Throws<ApiException>(() => ObjectDecoder.Decode(obj, Deployments, FieldValidation.Ignore, new List<string>()));
        Assert.That(error!.Code, Is.EqualTo(400));
        Assert.That(error.Message, Does.StartWith("Deployment in version \"v1\" cannot be handled as a Deployment: field spec.replicas"));
    }
}
