using Kubelike.ApiMachinery.Errors;

namespace Kubelike.ApiMachinery.Tests.Validation;

public class ServiceValidationTests
{
    private static string Service(string spec) =>
        $$"""{"apiVersion":"v1","kind":"Service","metadata":{"name":"s","namespace":"default"},"spec":{{spec}}}""";

    [Test]
    public void Services_like_kubectl_creates_them_are_valid()
    {
        Assert.That(Validated.Create(Service("""{"selector":{"app":"web"},"ports":[{"port":80,"targetPort":8080}]}""")), Is.Empty);
        Assert.That(Validated.Create(Service("""{"type":"NodePort","ports":[{"name":"http","port":80,"nodePort":30080},{"name":"https","port":443,"targetPort":"https"}]}""")), Is.Empty);
        Assert.That(Validated.Create(Service("""{"clusterIP":"None","selector":{"app":"db"}}""")), Is.Empty);
        Assert.That(Validated.Create(Service("""{"type":"ExternalName","externalName":"example.com."}""")), Is.Empty);
    }

    [Test]
    public void Ports_are_required_unless_headless_or_external_name()
    {
        Assert.That(Validated.Lines(Validated.Create(Service("""{"selector":{"app":"web"}}"""))), Is.EqualTo(new[] { "spec.ports: Required value" }));
        Assert.That(Validated.Lines(Validated.Create(Service("""{"type":"ExternalName"}"""))), Is.EqualTo(new[] { "spec.externalName: Required value" }));
    }

    [Test]
    public void Several_ports_need_unique_names_and_valid_numbers()
    {
        var errors = Validated.Create(Service("""{"ports":[{"port":80},{"name":"a","port":0,"protocol":"HTTP"},{"name":"a","port":81,"targetPort":70000}]}"""));
        Assert.That(Validated.Lines(errors), Is.EqualTo(new[]
        {
            "spec.ports[0].name: Required value",
            "spec.ports[1].port: Invalid value: 0: must be between 1 and 65535, inclusive",
            "spec.ports[1].protocol: Unsupported value: \"HTTP\": supported values: \"SCTP\", \"TCP\", \"UDP\"",
            "spec.ports[1].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive",
            "spec.ports[2].name: Duplicate value: \"a\"",
            "spec.ports[2].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive",
        }));
    }

    [Test]
    public void Type_and_session_affinity_are_enumerations()
    {
        var errors = Validated.Create(Service("""{"type":"Internal","sessionAffinity":"Cookie","ports":[{"port":80}]}"""));
        Assert.That(Validated.Lines(errors), Is.EqualTo(new[]
        {
            "spec.sessionAffinity: Unsupported value: \"Cookie\": supported values: \"ClientIP\", \"None\"",
            "spec.type: Unsupported value: \"Internal\": supported values: \"ClusterIP\", \"ExternalName\", \"LoadBalancer\", \"NodePort\"",
        }));
    }

    [Test]
    public void Node_ports_are_port_numbers_unique_and_not_for_cluster_ip_services()
    {
        // The node-port range is the API server's allocator's to check (it is configurable); validation checks the number.
        var errors = Validated.Create(Service("""{"type":"NodePort","ports":[{"name":"a","port":80,"nodePort":70000},{"name":"b","port":81,"nodePort":30001},{"name":"c","port":82,"nodePort":30001}]}"""));
        Assert.That(Validated.Lines(errors), Is.EqualTo(new[]
        {
            "spec.ports[0].nodePort: Invalid value: 70000: must be between 1 and 65535, inclusive",
            "spec.ports[2].nodePort: Duplicate value: 30001",
        }));
        var clusterIP = Validated.Create(Service("""{"ports":[{"port":80,"nodePort":30001}]}"""));
        Assert.That(Validated.Lines(clusterIP), Is.EqualTo(new[] { "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'" }));
    }

    [Test]
    public void A_cluster_ip_must_be_an_ip_and_cannot_change_once_set()
    {
        Assert.That(Validated.Lines(Validated.Create(Service("""{"clusterIP":"10.0.0","ports":[{"port":80}]}"""))),
            Is.EqualTo(new[] { "spec.clusterIPs[0]: Invalid value: \"10.0.0\": must be empty, 'None', or a valid IP address" }));
        var old = Service("""{"clusterIP":"10.96.0.10","ports":[{"port":80}]}""");
        var errors = Validated.Update(old, Service("""{"clusterIP":"10.96.0.11","ports":[{"port":80}]}"""));
        Assert.That(Validated.Lines(errors), Is.EqualTo(new[] { "spec.clusterIPs[0]: Invalid value: []string{\"10.96.0.11\"}: may not change once set" }));
        Assert.That(errors[0].Type, Is.EqualTo(FieldErrorType.Invalid));
        Assert.That(Validated.Update(old, Service("""{"clusterIP":"10.96.0.10","ports":[{"port":81}]}""")), Is.Empty);
    }
}
