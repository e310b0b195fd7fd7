using Kubelike.ApiMachinery.Errors;

namespace Kubelike.ApiMachinery.Tests.Validation;

public class WorkloadValidationTests
{
    private const string Template = """{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"c","image":"nginx"}]}}""";

    private static string Deployment(string spec) =>
        $$$$"""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d","namespace":"default"},"spec":{{{{spec}}}}}""";

    [Test]
    public void A_deployment_like_kubectl_create_deployment_is_valid()
    {
        Assert.That(Validated.Create(Deployment($$$$"""{"replicas":2,"selector":{"matchLabels":{"app":"web"}},"template":{{{{Template}}}}}""")), Is.Empty);
    }

    [Test]
    public void A_deployment_selector_must_match_the_template_labels()
    {
        var errors = Validated.Create(Deployment($$$$"""{"selector":{"matchLabels":{"app":"other"}},"template":{{{{Template}}}}}"""));
        Assert.That(Validated.Lines(errors), Is.EqualTo(new[]
        {
            "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"web\"}: `selector` does not match template `labels`",
        }));
    }

    [Test]
    public void A_deployment_needs_a_selector_and_non_negative_replicas()
    {
        var errors = Validated.Create(Deployment($$$$"""{"replicas":-1,"selector":{},"template":{{{{Template}}}}}"""));
        Assert.That(Validated.Lines(errors), Is.EqualTo(new[]
        {
            "spec.replicas: Invalid value: -1: must be greater than or equal to 0",
            "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment",
        }));
    }

    [Test]
    public void A_deployment_template_keeps_its_pods_running()
    {
        var errors = Validated.Create(Deployment("""
            {"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"restartPolicy":"Never","activeDeadlineSeconds":5,"containers":[{"name":"c","image":"x"}]}}}
            """));
        Assert.That(Validated.Lines(errors), Is.EqualTo(new[]
        {
            "spec.template.spec.restartPolicy: Unsupported value: \"Never\": supported values: \"Always\"",
            "spec.template.spec.activeDeadlineSeconds: Invalid value: 5: activeDeadlineSeconds in ReplicaSet is not Supported",
        }));
    }

    [Test]
    public void A_rolling_update_may_not_have_both_surge_and_unavailability_zero()
    {
        var errors = Validated.Create(Deployment($$$$"""
            {"selector":{"matchLabels":{"app":"web"}},"template":{{{{Template}}}},"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":0,"maxUnavailable":"0%"}}}
            """));
        Assert.That(Validated.Lines(errors), Is.EqualTo(new[]
        {
            "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"0%\"}: may not be 0 when `maxSurge` is 0",
        }));
    }

    [Test]
    public void Strategy_types_and_percentages_are_checked()
    {
        var unknown = Validated.Create(Deployment($$$$"""{"selector":{"matchLabels":{"app":"web"}},"template":{{{{Template}}}},"strategy":{"type":"BlueGreen"}}"""));
        Assert.That(unknown.Select(e => (e.Field, e.Type)), Is.EqualTo(new[] { ("spec.strategy.type", FieldErrorType.NotSupported) }));
        var percent = Validated.Create(Deployment($$$$"""
            {"selector":{"matchLabels":{"app":"web"}},"template":{{{{Template}}}},"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"x","maxUnavailable":"150%"}}}
            """));
        Assert.That(percent.Select(e => e.Field), Is.EqualTo(new[] { "spec.strategy.rollingUpdate.maxSurge", "spec.strategy.rollingUpdate.maxUnavailable" }));
        Assert.That(percent[1].Detail, Is.EqualTo("must not be greater than 100%"));
    }

    [Test]
    public void A_deployment_selector_is_immutable()
    {
        var old = Deployment($$$$"""{"selector":{"matchLabels":{"app":"web"}},"template":{{{{Template}}}}}""");
        var changed = Deployment("""{"selector":{"matchLabels":{"app":"web","tier":"x"}},"template":{"metadata":{"labels":{"app":"web","tier":"x"}},"spec":{"containers":[{"name":"c","image":"nginx"}]}}}""");
        Assert.That(Validated.Lines(Validated.Update(old, changed)), Is.EqualTo(new[]
        {
            "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"web\", \"tier\":\"x\"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable",
        }));
        Assert.That(Validated.Update(old, Deployment($$$$"""{"replicas":5,"selector":{"matchLabels":{"app":"web"}},"template":{{{{Template}}}}}""")), Is.Empty);
    }

    [Test]
    public void A_replica_set_and_a_replication_controller_follow_the_same_template_rules()
    {
        Assert.That(Validated.Create($$$$"""
            {"apiVersion":"apps/v1","kind":"ReplicaSet","metadata":{"name":"r","namespace":"default"},"spec":{"selector":{"matchLabels":{"app":"web"}},"template":{{{{Template}}}}}}
            """), Is.Empty);
        var rs = Validated.Create("""
            {"apiVersion":"apps/v1","kind":"ReplicaSet","metadata":{"name":"r","namespace":"default"},"spec":{"selector":{"matchLabels":{"app":"web"}}}}
            """);
        Assert.That(Validated.Lines(rs), Is.EqualTo(new[] { "spec.template: Required value" }));
        Assert.That(Validated.Create($$$$"""
            {"apiVersion":"v1","kind":"ReplicationController","metadata":{"name":"r","namespace":"default"},"spec":{"replicas":1,"template":{{{{Template}}}}}}
            """), Is.Empty);
        var rc = Validated.Create("""
            {"apiVersion":"v1","kind":"ReplicationController","metadata":{"name":"r","namespace":"default"},"spec":{"selector":{"app":"x"},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"c","image":"x"}]}}}}
            """);
        Assert.That(rc.Select(e => e.Field), Is.EqualTo(new[] { "spec.template.metadata.labels" }));
    }

    [Test]
    public void A_stateful_set_may_only_change_some_fields()
    {
        var old = $$$$"""{"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"s","namespace":"default"},"spec":{"serviceName":"s","selector":{"matchLabels":{"app":"web"}},"template":{{{{Template}}}}}}""";
        Assert.That(Validated.Create(old), Is.Empty);
        Assert.That(Validated.Update(old, old.Replace("\"serviceName\":\"s\",", "\"serviceName\":\"s\",\"replicas\":3,", StringComparison.Ordinal)), Is.Empty);
        var errors = Validated.Update(old, old.Replace("\"serviceName\":\"s\"", "\"serviceName\":\"t\"", StringComparison.Ordinal));
        Assert.That(errors.Select(e => (e.Field, e.Type)), Is.EqualTo(new[] { ("spec", FieldErrorType.Forbidden) }));
        Assert.That(errors[0].Detail, Does.StartWith("updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy'"));
    }

    [Test]
    public void A_stateful_set_claim_template_needs_access_modes_and_storage()
    {
        var errors = Validated.Create($$$$"""
            {"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"s","namespace":"default"},"spec":{"selector":{"matchLabels":{"app":"web"}},"template":{{{{Template}}}},
             "volumeClaimTemplates":[{"metadata":{"name":"data"},"spec":{"resources":{}}}]}}
            """);
        Assert.That(Validated.Lines(errors), Is.EqualTo(new[]
        {
            "spec.volumeClaimTemplates[0].spec.accessModes: Required value: at least 1 access mode is required",
            "spec.volumeClaimTemplates[0].spec.resources[storage]: Required value",
        }));
    }

    [Test]
    public void A_daemon_set_checks_its_update_strategy_and_selector()
    {
        var ds = $$$$"""{"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"name":"d","namespace":"default"},"spec":{"selector":{"matchLabels":{"app":"web"}},"template":{{{{Template}}}}}}""";
        Assert.That(Validated.Create(ds), Is.Empty);
        var errors = Validated.Create(ds.Replace("\"selector\"", "\"updateStrategy\":{\"type\":\"RollingUpdate\",\"rollingUpdate\":{\"maxUnavailable\":0,\"maxSurge\":0}},\"selector\"", StringComparison.Ordinal));
        Assert.That(Validated.Lines(errors), Is.EqualTo(new[]
        {
            "spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}: cannot be 0 when maxSurge is 0",
        }));
        var moved = ds.Replace("{\"app\":\"web\"}},\"template\"", "{\"app\":\"web\",\"x\":\"y\"}},\"template\"", StringComparison.Ordinal)
            .Replace("\"labels\":{\"app\":\"web\"}", "\"labels\":{\"app\":\"web\",\"x\":\"y\"}", StringComparison.Ordinal);
        Assert.That(Validated.Update(ds, moved).Select(e => e.Field), Is.EqualTo(new[] { "spec.selector" }));
    }

    private static string Job(string spec) =>
        $$$$"""{"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"j","namespace":"default"},"spec":{{{{spec}}}}}""";

    [Test]
    public void A_job_like_kubectl_create_job_is_valid()
    {
        Assert.That(Validated.Create(Job("""{"template":{"spec":{"restartPolicy":"Never","containers":[{"name":"j","image":"busybox","command":["true"]}]}}}""")), Is.Empty);
    }

    [Test]
    public void A_job_template_must_stop_its_pods()
    {
        var errors = Validated.Create(Job("""{"parallelism":-1,"completions":-2,"template":{"spec":{"containers":[{"name":"j","image":"busybox"}]}}}"""));
        Assert.That(Validated.Lines(errors), Is.EqualTo(new[]
        {
            "spec.parallelism: Invalid value: -1: must be greater than or equal to 0",
            "spec.completions: Invalid value: -2: must be greater than or equal to 0",
            "spec.template.spec.restartPolicy: Unsupported value: \"Always\": supported values: \"OnFailure\", \"Never\"",
        }));
    }

    [Test]
    public void A_job_template_is_immutable()
    {
        var old = Job("""{"template":{"spec":{"restartPolicy":"Never","containers":[{"name":"j","image":"busybox"}]}}}""");
        var errors = Validated.Update(old, Job("""{"template":{"spec":{"restartPolicy":"Never","containers":[{"name":"j","image":"busybox:2"}]}}}"""));
        Assert.That(errors.Select(e => (e.Field, e.Type, e.Detail)), Is.EqualTo(new[] { ("spec.template", FieldErrorType.Invalid, "field is immutable") }));
        Assert.That(Validated.Update(old, Job("""{"suspend":true,"template":{"spec":{"restartPolicy":"Never","containers":[{"name":"j","image":"busybox"}]}}}""")), Is.Empty);
    }

    [Test]
    public void An_indexed_job_needs_completions()
    {
        var errors = Validated.Create(Job("""{"completionMode":"Indexed","parallelism":2,"template":{"spec":{"restartPolicy":"Never","containers":[{"name":"j","image":"x"}]}}}"""));
        Assert.That(Validated.Lines(errors), Is.EqualTo(new[] { "spec.completions: Required value: when completion mode is Indexed" }));
    }

    private static string CronJob(string schedule) =>
        """{"apiVersion":"batch/v1","kind":"CronJob","metadata":{"name":"c","namespace":"default"},"spec":{"schedule":""" + "\"" + schedule + "\"" +
        ""","jobTemplate":{"spec":{"template":{"spec":{"restartPolicy":"OnFailure","containers":[{"name":"c","image":"x"}]}}}}}}""";

    [Test]
    public void A_cron_job_schedule_must_parse()
    {
        Assert.That(Validated.Create(CronJob("*/5 * * * *")), Is.Empty);
        Assert.That(Validated.Create(CronJob("@hourly")), Is.Empty);
        Assert.That(Validated.Lines(Validated.Create(CronJob("every minute"))), Is.EqualTo(new[]
        {
            "spec.schedule: Invalid value: \"every minute\": expected exactly 5 fields, found 2: [every minute]",
        }));
        Assert.That(Validated.Lines(Validated.Create(CronJob("0 25 * * *"))), Is.EqualTo(new[]
        {
            "spec.schedule: Invalid value: \"0 25 * * *\": end of range (25) above maximum (23): 25",
        }));
    }

    [Test]
    public void A_cron_job_job_template_follows_the_job_rules()
    {
        var errors = Validated.Create(CronJob("0 * * * *").Replace("OnFailure", "Always", StringComparison.Ordinal));
        Assert.That(errors.Select(e => e.Field), Is.EqualTo(new[] { "spec.jobTemplate.spec.template.spec.restartPolicy" }));
    }
}
