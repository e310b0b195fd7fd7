using Kubelike.ApiMachinery.Errors;

namespace Kubelike.ApiMachinery.Tests.Validation;

public class PodValidationTests
{
    private static string Pod(string spec) =>
        $$"""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","namespace":"default"},"spec":{{spec}}}""";

    [Test]
    public void A_simple_pod_is_valid()
    {
        var errors = Validated.Create(Pod("""
            {"containers":[{"name":"app","image":"busybox","command":["sleep","3600"],
              "ports":[{"name":"http","containerPort":8080}],"env":[{"name":"A","value":"1"},{"name":"POD","valueFrom":{"fieldRef":{"fieldPath":"metadata.name"}}}],
              "resources":{"requests":{"cpu":"100m","memory":"64Mi"},"limits":{"cpu":"1","memory":"128Mi"}},
              "volumeMounts":[{"name":"data","mountPath":"/data"}],
              "readinessProbe":{"httpGet":{"path":"/","port":8080}},"livenessProbe":{"tcpSocket":{"port":"http"}}}],
             "initContainers":[{"name":"init","image":"busybox","command":["true"]}],
             "volumes":[{"name":"data","emptyDir":{}},{"name":"cfg","configMap":{"name":"c"}}],
             "tolerations":[{"key":"k","operator":"Equal","value":"v","effect":"NoExecute","tolerationSeconds":30},{"operator":"Exists"}]}
            """));
        Assert.That(errors, Is.Empty);
    }

    [Test]
    public void Containers_are_required()
    {
        var errors = Validated.Create(Pod("""{"containers":[]}"""));
        Assert.That(Validated.Lines(errors), Is.EqualTo(new[] { "spec.containers: Required value" }));
        Assert.That(errors[0].Type, Is.EqualTo(FieldErrorType.Required));
    }

    [Test]
    public void A_container_needs_an_image()
    {
        var errors = Validated.Create(Pod("""{"containers":[{"name":"app"}]}"""));
        Assert.That(Validated.Lines(errors), Is.EqualTo(new[] { "spec.containers[0].image: Required value" }));
    }

    [Test]
    public void Container_names_are_dns_labels_and_unique_across_init_containers()
    {
        var errors = Validated.Create(Pod("""
            {"containers":[{"name":"App","image":"x"},{"name":"web","image":"x"}],"initContainers":[{"name":"web","image":"x"}]}
            """));
        Assert.That(errors.Select(e => (e.Field, e.Type)), Is.EqualTo(new[]
        {
            ("spec.containers[0].name", FieldErrorType.Invalid),
            ("spec.initContainers[0].name", FieldErrorType.Duplicate),
        }));
        Assert.That(errors[0].ToString(), Does.StartWith("spec.containers[0].name: Invalid value: \"App\": a lowercase RFC 1123 label must consist of"));
        Assert.That(errors[1].ToString(), Is.EqualTo("spec.initContainers[0].name: Duplicate value: \"web\""));
    }

    [Test]
    public void Ports_are_in_range_with_unique_names_and_known_protocols()
    {
        var errors = Validated.Create(Pod("""
            {"containers":[{"name":"a","image":"x","ports":[{"name":"http","containerPort":70000},{"name":"http","containerPort":80,"protocol":"HTTP"},{"containerPort":81,"hostPort":-1}]}]}
            """));
        Assert.That(Validated.Lines(errors), Is.EqualTo(new[]
        {
            "spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive",
            "spec.containers[0].ports[1].name: Duplicate value: \"http\"",
            "spec.containers[0].ports[1].protocol: Unsupported value: \"HTTP\": supported values: \"SCTP\", \"TCP\", \"UDP\"",
            "spec.containers[0].ports[2].hostPort: Invalid value: -1: must be between 1 and 65535, inclusive",
        }));
    }

    [Test]
    public void Policies_must_be_known_values()
    {
        var errors = Validated.Create(Pod("""
            {"restartPolicy":"Sometimes","dnsPolicy":"Google","containers":[{"name":"a","image":"x","imagePullPolicy":"Maybe"}]}
            """));
        Assert.That(Validated.Lines(errors), Is.EqualTo(new[]
        {
            "spec.containers[0].imagePullPolicy: Unsupported value: \"Maybe\": supported values: \"Always\", \"IfNotPresent\", \"Never\"",
            "spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"OnFailure\", \"Never\"",
            "spec.dnsPolicy: Unsupported value: \"Google\": supported values: \"ClusterFirstWithHostNet\", \"ClusterFirst\", \"Default\", \"None\"",
        }));
    }

    [Test]
    public void Environment_variable_names_and_sources()
    {
        var errors = Validated.Create(Pod("""
            {"containers":[{"name":"a","image":"x","env":[{"name":"A=B","value":"1"},{"name":"C","value":"v","valueFrom":{"secretKeyRef":{"name":"s","key":"k"}}},{"name":"D","valueFrom":{}}]}]}
            """));
        Assert.That(Validated.Lines(errors), Is.EqualTo(new[]
        {
            "spec.containers[0].env[0].name: Invalid value: \"A=B\": a valid environment variable name must consist only of printable ASCII characters other than '='",
            "spec.containers[0].env[1].valueFrom: Invalid value: \"\": may not be specified when `value` is not empty",
            "spec.containers[0].env[2].valueFrom: Invalid value: \"\": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`",
        }));
    }

    [Test]
    public void Volumes_have_unique_names_and_exactly_one_source_and_mounts_refer_to_them()
    {
        var errors = Validated.Create(Pod("""
            {"containers":[{"name":"a","image":"x","volumeMounts":[{"name":"missing","mountPath":"/m"},{"name":"v","mountPath":"/m"}]}],
             "volumes":[{"name":"v","emptyDir":{},"hostPath":{"path":"/tmp"}},{"name":"v","emptyDir":{}}]}
            """));
        Assert.That(Validated.Lines(errors), Is.EqualTo(new[]
        {
            "spec.volumes[0].hostPath: Forbidden: may not specify more than 1 volume type",
            "spec.volumes[1].name: Duplicate value: \"v\"",
            "spec.containers[0].volumeMounts[1].mountPath: Invalid value: \"/m\": must be unique",
            "spec.containers[0].volumeMounts[0].name: Not found: \"missing\"",
        }));
    }

    [Test]
    public void Requests_may_not_exceed_limits()
    {
        var errors = Validated.Create(Pod("""
            {"containers":[{"name":"a","image":"x","resources":{"requests":{"cpu":"2","memory":"-1"},"limits":{"cpu":"1","gpu":"1"}}}]}
            """));
        Assert.That(Validated.Lines(errors), Is.EqualTo(new[]
        {
            "spec.containers[0].resources.limits[gpu]: Invalid value: \"gpu\": must be a standard resource for containers",
            "spec.containers[0].resources.requests: Invalid value: \"2\": must be less than or equal to cpu limit of 1",
            "spec.containers[0].resources.requests[gpu]: Invalid value: \"gpu\": must be a standard resource for containers",
            "spec.containers[0].resources.requests[memory]: Invalid value: \"-1\": must be greater than or equal to 0",
        }));
    }

    [Test]
    public void Tolerations_follow_the_operator_rules()
    {
        var errors = Validated.Create(Pod("""
            {"containers":[{"name":"a","image":"x"}],"tolerations":[{"operator":"Equal","value":"v"},{"key":"k","operator":"Exists","value":"v"},{"key":"k","operator":"Maybe"},{"key":"k","tolerationSeconds":5,"effect":"NoSchedule"}]}
            """));
        Assert.That(errors.Select(e => e.Field), Is.EqualTo(new[]
        {
            "spec.tolerations[0].operator", "spec.tolerations[1].operator", "spec.tolerations[2].operator", "spec.tolerations[3].effect",
        }));
        Assert.That(errors[2].Type, Is.EqualTo(FieldErrorType.NotSupported));
    }

    [Test]
    public void Probes_need_one_handler()
    {
        var errors = Validated.Create(Pod("""
            {"containers":[{"name":"a","image":"x","livenessProbe":{"periodSeconds":-1,"successThreshold":2,"exec":{"command":["x"]},"tcpSocket":{"port":80}},"readinessProbe":{}}]}
            """));
        Assert.That(Validated.Lines(errors), Is.EqualTo(new[]
        {
            "spec.containers[0].livenessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type",
            "spec.containers[0].livenessProbe.periodSeconds: Invalid value: -1: must be greater than or equal to 0",
            "spec.containers[0].readinessProbe: Required value: must specify a handler type",
            "spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1",
        }));
    }

    [Test]
    public void An_update_may_change_the_image_but_not_the_rest_of_the_spec()
    {
        var old = Pod("""{"containers":[{"name":"a","image":"x:1"}]}""");
        Assert.That(Validated.Update(old, Pod("""{"containers":[{"name":"a","image":"x:2"}],"activeDeadlineSeconds":60,"tolerations":[{"operator":"Exists"}]}""")), Is.Empty);
        var errors = Validated.Update(old, Pod("""{"containers":[{"name":"a","image":"x:1"}],"restartPolicy":"Never"}"""));
        Assert.That(errors.Select(e => (e.Field, e.Type)), Is.EqualTo(new[] { ("spec", FieldErrorType.Forbidden) }));
        Assert.That(errors[0].Detail, Does.StartWith("pod updates may not change fields other than `spec.containers[*].image`"));
        Assert.That(errors[0].Detail, Does.Contain("restartPolicy"));
    }

    [Test]
    public void An_update_may_not_add_containers_or_extend_the_deadline()
    {
        var old = Pod("""{"containers":[{"name":"a","image":"x"}],"activeDeadlineSeconds":60}""");
        Assert.That(Validated.Lines(Validated.Update(old, Pod("""{"containers":[{"name":"a","image":"x"},{"name":"b","image":"x"}],"activeDeadlineSeconds":60}"""))),
            Is.EqualTo(new[] { "spec.containers: Forbidden: pod updates may not add or remove containers" }));
        Assert.That(Validated.Lines(Validated.Update(old, Pod("""{"containers":[{"name":"a","image":"x"}],"activeDeadlineSeconds":120}"""))),
            Is.EqualTo(new[] { "spec.activeDeadlineSeconds: Invalid value: 120: must be less than or equal to previous value" }));
    }

    [Test]
    public void Ephemeral_containers_cannot_be_set_on_create()
    {
        var errors = Validated.Create(Pod("""{"containers":[{"name":"a","image":"x"}],"ephemeralContainers":[{"name":"debug","image":"x"}]}"""));
        Assert.That(Validated.Lines(errors), Is.EqualTo(new[] { "spec.ephemeralContainers: Forbidden: cannot be set on create" }));
    }
}
