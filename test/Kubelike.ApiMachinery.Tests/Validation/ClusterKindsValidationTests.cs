using Kubelike.ApiMachinery.Errors;

namespace Kubelike.ApiMachinery.Tests.Validation;

public class ClusterKindsValidationTests
{
    [Test]
    public void Role_rules_need_verbs_groups_and_resources()
    {
        var errors = Validated.Create("""
            {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"Role","metadata":{"name":"r","namespace":"default"},
             "rules":[{"apiGroups":[""],"resources":["pods"],"verbs":["get"]},{"resources":["pods"]},{"verbs":["get"],"nonResourceURLs":["/healthz"]}]}
            """);
        Assert.That(Validated.Lines(errors), Is.EqualTo(new[]
        {
            "rules[1].verbs: Required value: verbs must contain at least one value",
            "rules[1].apiGroups: Required value: resource rules must supply at least one api group",
            "rules[2].nonResourceURLs: Invalid value: []string{\"/healthz\"}: namespaced rules cannot apply to non-resource URLs",
        }));
    }

    [Test]
    public void A_binding_refers_to_a_role_and_cannot_change_it()
    {
        var binding = """
            {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"RoleBinding","metadata":{"name":"b","namespace":"default"},
             "roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"Role","name":"reader"},"subjects":[{"kind":"User","name":"alice"},{"kind":"ServiceAccount","name":"default"}]}
            """;
        Assert.That(Validated.Create(binding), Is.Empty);
        Assert.That(Validated.Lines(Validated.Create(binding.Replace("\"kind\":\"User\"", "\"kind\":\"Robot\"", StringComparison.Ordinal))), Is.EqualTo(new[]
        {
            "subjects[0].kind: Unsupported value: \"Robot\": supported values: \"ServiceAccount\", \"User\", \"Group\"",
        }));
        var errors = Validated.Update(binding, binding.Replace("\"reader\"", "\"writer\"", StringComparison.Ordinal));
        Assert.That(errors.Select(e => (e.Field, e.Type, e.Detail)), Is.EqualTo(new[] { ("roleRef", FieldErrorType.Invalid, "cannot change roleRef") }));
        var cluster = Validated.Create("""
            {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRoleBinding","metadata":{"name":"b"},
             "roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"Role","name":"r"},"subjects":[{"kind":"ServiceAccount","name":"sa"}]}
            """);
        Assert.That(Validated.Lines(cluster), Is.EqualTo(new[]
        {
            "roleRef.kind: Unsupported value: \"Role\": supported values: \"ClusterRole\"",
            "subjects[0].namespace: Required value",
        }));
    }

    [Test]
    public void A_storage_class_needs_a_provisioner_and_keeps_its_parameters()
    {
        Assert.That(Validated.Lines(Validated.Create("""{"apiVersion":"storage.k8s.io/v1","kind":"StorageClass","metadata":{"name":"s"}}""")),
            Is.EqualTo(new[] { "provisioner: Required value" }));
        var old = """{"apiVersion":"storage.k8s.io/v1","kind":"StorageClass","metadata":{"name":"s"},"provisioner":"example.com/disk","parameters":{"type":"ssd"}}""";
        Assert.That(Validated.Create(old), Is.Empty);
        Assert.That(Validated.Lines(Validated.Update(old, old.Replace("ssd", "hdd", StringComparison.Ordinal))),
            Is.EqualTo(new[] { "parameters: Forbidden: updates to parameters are forbidden." }));
    }

    [Test]
    public void A_priority_class_value_is_bounded_and_fixed()
    {
        var old = """{"apiVersion":"scheduling.k8s.io/v1","kind":"PriorityClass","metadata":{"name":"high"},"value":1000}""";
        Assert.That(Validated.Create(old), Is.Empty);
        Assert.That(Validated.Lines(Validated.Create(old.Replace("1000", "2000000000", StringComparison.Ordinal))),
            Is.EqualTo(new[] { "value: Forbidden: maximum allowed value of a user defined priority is 1000000000" }));
        Assert.That(Validated.Lines(Validated.Update(old, old.Replace("1000", "2000", StringComparison.Ordinal))),
            Is.EqualTo(new[] { "value: Forbidden: may not be changed in an update." }));
    }

    [Test]
    public void Claims_and_volumes_need_access_modes_and_storage()
    {
        Assert.That(Validated.Lines(Validated.Create("""{"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":"c","namespace":"default"},"spec":{"accessModes":["ReadWriteSometimes"],"resources":{"requests":{"storage":"0"}}}}""")),
            Is.EqualTo(new[]
            {
                "spec.accessModes: Unsupported value: \"ReadWriteSometimes\": supported values: \"ReadOnlyMany\", \"ReadWriteMany\", \"ReadWriteOnce\", \"ReadWriteOncePod\"",
                "spec.resources[storage]: Invalid value: \"0\": must be greater than zero",
            }));
        var claim = """{"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":"c","namespace":"default"},"spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}}}}""";
        Assert.That(Validated.Update(claim, claim.Replace("1Gi", "2Gi", StringComparison.Ordinal)), Is.Empty);
        Assert.That(Validated.Update(claim, claim.Replace("ReadWriteOnce", "ReadWriteMany", StringComparison.Ordinal)).Select(e => e.Field), Is.EqualTo(new[] { "spec" }));
        var volume = Validated.Create("""{"apiVersion":"v1","kind":"PersistentVolume","metadata":{"name":"v"},"spec":{"capacity":{"storage":"1Gi"},"accessModes":["ReadWriteOnce"]}}""");
        Assert.That(Validated.Lines(volume), Is.EqualTo(new[] { "spec: Required value: must specify a volume type" }));
    }

    [Test]
    public void An_autoscaler_bounds_its_replicas()
    {
        var errors = Validated.Create("""
            {"apiVersion":"autoscaling/v2","kind":"HorizontalPodAutoscaler","metadata":{"name":"h","namespace":"default"},
             "spec":{"scaleTargetRef":{"apiVersion":"apps/v1","kind":"Deployment","name":"web"},"minReplicas":5,"maxReplicas":2,
                     "metrics":[{"type":"Resource","resource":{"name":"cpu","target":{"type":"Utilization","averageUtilization":0}}},{"type":"Pods"}]}}
            """);
        Assert.That(Validated.Lines(errors), Is.EqualTo(new[]
        {
            "spec.maxReplicas: Invalid value: 2: must be greater than or equal to `minReplicas`",
            "spec.metrics[0].resource.target.averageUtilization: Invalid value: 0: must be greater than 0",
            "spec.metrics[1].pods: Required value: must populate information for the given metric source",
        }));
        Assert.That(Validated.Create("""
            {"apiVersion":"autoscaling/v1","kind":"HorizontalPodAutoscaler","metadata":{"name":"h","namespace":"default"},
             "spec":{"scaleTargetRef":{"apiVersion":"apps/v1","kind":"Deployment","name":"web"},"maxReplicas":3,"targetCPUUtilizationPercentage":80}}
            """), Is.Empty);
    }

    [Test]
    public void A_disruption_budget_sets_one_of_min_available_and_max_unavailable()
    {
        var errors = Validated.Create("""
            {"apiVersion":"policy/v1","kind":"PodDisruptionBudget","metadata":{"name":"p","namespace":"default"},"spec":{"minAvailable":1,"maxUnavailable":"200%","selector":{"matchLabels":{"app":"web"}}}}
            """);
        Assert.That(errors.Select(e => (e.Field, e.Detail)), Is.EqualTo(new[]
        {
            ("spec", "minAvailable and maxUnavailable cannot be both set"),
            ("spec.maxUnavailable", "must not be greater than 100%"),
        }));
    }

    [Test]
    public void A_lease_duration_is_positive()
    {
        Assert.That(Validated.Lines(Validated.Create("""{"apiVersion":"coordination.k8s.io/v1","kind":"Lease","metadata":{"name":"l","namespace":"default"},"spec":{"leaseDurationSeconds":0}}""")),
            Is.EqualTo(new[] { "spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0" }));
        Assert.That(Validated.Create("""{"apiVersion":"coordination.k8s.io/v1","kind":"Lease","metadata":{"name":"l","namespace":"default"},"spec":{"holderIdentity":"a","leaseDurationSeconds":15}}"""), Is.Empty);
    }

    [Test]
    public void An_ingress_needs_a_backend_and_well_formed_paths()
    {
        Assert.That(Validated.Lines(Validated.Create("""{"apiVersion":"networking.k8s.io/v1","kind":"Ingress","metadata":{"name":"i","namespace":"default"},"spec":{}}""")),
            Is.EqualTo(new[] { "spec: Invalid value: \"\": either `defaultBackend` or `rules` must be specified" }));
        var errors = Validated.Create("""
            {"apiVersion":"networking.k8s.io/v1","kind":"Ingress","metadata":{"name":"i","namespace":"default"},
             "spec":{"rules":[{"host":"10.0.0.1","http":{"paths":[{"path":"api","pathType":"Prefix","backend":{"service":{"name":"web","port":{"number":80}}}},
                                                             {"path":"/","pathType":"Exact","backend":{"service":{"name":"web","port":{}}}}]}}]}}
            """);
        Assert.That(Validated.Lines(errors), Is.EqualTo(new[]
        {
            "spec.rules[0].host: Invalid value: \"10.0.0.1\": must be a DNS name, not an IP address",
            "spec.rules[0].http.paths[0].path: Invalid value: \"api\": must be an absolute path",
            "spec.rules[0].http.paths[1].backend: Required value: port name or number is required",
        }));
    }

    [Test]
    public void A_network_policy_peer_is_one_kind()
    {
        var errors = Validated.Create("""
            {"apiVersion":"networking.k8s.io/v1","kind":"NetworkPolicy","metadata":{"name":"n","namespace":"default"},
             "spec":{"podSelector":{},"ingress":[{"from":[{"ipBlock":{"cidr":"10.0.0.0/33"},"podSelector":{}},{}],"ports":[{"protocol":"ICMP","port":80,"endPort":70}]}],"policyTypes":["Ingress","Sideways"]}}
            """);
        Assert.That(errors.Select(e => e.Field), Is.EqualTo(new[]
        {
            "spec.ingress[0].ports[0].protocol", "spec.ingress[0].ports[0].endPort",
            "spec.ingress[0].from[0]", "spec.ingress[0].from[0].ipBlock.cidr", "spec.ingress[0].from[1]",
            "spec.policyTypes[1]",
        }));
    }

    [Test]
    public void Node_taints_and_namespaces_finalizers()
    {
        var node = Validated.Create("""{"apiVersion":"v1","kind":"Node","metadata":{"name":"n"},"spec":{"taints":[{"key":"k","effect":"Sometimes"},{"key":"k","effect":"NoSchedule"}]}}""");
        Assert.That(Validated.Lines(node), Is.EqualTo(new[]
        {
            "spec.taints[0].effect: Unsupported value: \"Sometimes\": supported values: \"NoSchedule\", \"PreferNoSchedule\", \"NoExecute\"",
        }));
        var ns = Validated.Create("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"n"},"spec":{"finalizers":["custom"]}}""");
        Assert.That(Validated.Lines(ns), Is.EqualTo(new[] { "spec.finalizers[0]: Invalid value: \"custom\": name is neither a standard finalizer name nor is it fully qualified" }));
    }

    [Test]
    public void Endpoints_and_slices_carry_valid_addresses()
    {
        var endpoints = Validated.Create("""{"apiVersion":"v1","kind":"Endpoints","metadata":{"name":"e","namespace":"default"},"subsets":[{"addresses":[{"ip":"10.0.0.300"}],"ports":[{"port":80}]},{"ports":[{"port":80}]}]}""");
        Assert.That(Validated.Lines(endpoints), Is.EqualTo(new[]
        {
            "subsets[0].addresses[0].ip: Invalid value: \"10.0.0.300\": must be a valid IP address",
            "subsets[1]: Required value: must specify `addresses` or `notReadyAddresses`",
        }));
        var slice = Validated.Create("""{"apiVersion":"discovery.k8s.io/v1","kind":"EndpointSlice","metadata":{"name":"e","namespace":"default"},"addressType":"IPv4","endpoints":[{"addresses":["fd00::1"]},{"addresses":[]}]}""");
        Assert.That(Validated.Lines(slice), Is.EqualTo(new[]
        {
            "endpoints[0].addresses[0]: Invalid value: \"fd00::1\": must be a valid IPv4 address",
            "endpoints[1].addresses: Required value: must contain at least 1 address",
        }));
    }

    [Test]
    public void Quotas_and_limit_ranges_order_their_amounts()
    {
        var quota = Validated.Create("""{"apiVersion":"v1","kind":"ResourceQuota","metadata":{"name":"q","namespace":"default"},"spec":{"hard":{"pods":"-1"}}}""");
        Assert.That(Validated.Lines(quota), Is.EqualTo(new[] { "spec.hard[pods]: Invalid value: \"-1\": must be greater than or equal to 0" }));
        var limits = Validated.Create("""
            {"apiVersion":"v1","kind":"LimitRange","metadata":{"name":"l","namespace":"default"},"spec":{"limits":[{"type":"Container","min":{"cpu":"2"},"max":{"cpu":"1"}}]}}
            """);
        Assert.That(limits.Select(e => (e.Field, e.Detail)), Does.Contain(("spec.limits[0].min[cpu]", "min value 2 is greater than max value 1")));
    }

    [Test]
    public void Events_name_an_object_in_their_namespace()
    {
        var ev = Validated.Create("""
            {"apiVersion":"v1","kind":"Event","metadata":{"name":"e","namespace":"default"},"involvedObject":{"kind":"Pod","name":"p","namespace":"other"},"reason":"Started"}
            """);
        Assert.That(Validated.Lines(ev), Is.EqualTo(new[] { "involvedObject.namespace: Invalid value: \"other\": does not match event.namespace" }));
        var v1 = Validated.Create("""
            {"apiVersion":"events.k8s.io/v1","kind":"Event","metadata":{"name":"e","namespace":"default"},"eventTime":"2026-01-01T00:00:00.000000Z",
             "reportingController":"example.com/ctl","reportingInstance":"i","action":"Sync","reason":"Done","type":"Normal","regarding":{"kind":"Pod","name":"p","namespace":"default"}}
            """);
        Assert.That(v1, Is.Empty);
    }

    [Test]
    public void Cron_schedules_parse_as_upstream_parses_them()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Kubelike.ApiMachinery.Validation.Batch.CronSchedule.Error("0 0 1 jan-mar mon-fri"), Is.Null);
            Assert.That(Kubelike.ApiMachinery.Validation.Batch.CronSchedule.Error("@every 1h30m"), Is.Null);
            Assert.That(Kubelike.ApiMachinery.Validation.Batch.CronSchedule.Error("@sometimes"), Is.EqualTo("unrecognized descriptor: @sometimes"));
            Assert.That(Kubelike.ApiMachinery.Validation.Batch.CronSchedule.Error("x * * * *"), Is.EqualTo("failed to parse int from x: strconv.Atoi: parsing \"x\": invalid syntax"));
            Assert.That(Kubelike.ApiMachinery.Validation.Batch.CronSchedule.Error("5-1 * * * *"), Is.EqualTo("beginning of range (5) beyond end of range (1): 5-1"));
        });
    }
}
