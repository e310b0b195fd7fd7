using Kubelike.ApiMachinery.Metadata;
using Kubelike.ApiMachinery.Registry;

namespace Kubelike.ApiMachinery.Tests.Registry;

public class ResourceRegistryTests
{
    private static readonly ResourceRegistry Registry = ResourceRegistry.BuiltIn;

    [Test]
    public void Every_resource_has_kind_plural_singular_and_verbs()
    {
        Assert.That(Registry.All, Is.Not.Empty);
        foreach (var r in Registry.All)
        {
            Assert.Multiple(() =>
            {
                Assert.That(r.Kind, Is.Not.Empty, r.Plural);
                Assert.That(r.Plural, Is.Not.Empty.And.EqualTo(r.Plural.ToLowerInvariant()), r.Kind);
                Assert.That(r.Singular, Is.Not.Empty.And.EqualTo(r.Singular.ToLowerInvariant()), r.Kind);
                Assert.That(r.Verbs, Is.Not.Empty.And.Unique, r.Plural);
                Assert.That(r.Subresources.Select(s => s.Name), Is.Unique.And.Ordered, r.Plural);
            });
        }
    }

    [Test]
    public void Plurals_are_unique_per_group_version()
    {
        var keys = Registry.All.Select(r => $"{r.ApiVersion}/{r.Plural}");
        Assert.That(keys, Is.Unique);
    }

    [Test]
    public void Short_names_are_unique_across_group_resources()
    {
        // One group-resource may be served in several versions (autoscaling v1/v2) or, like events, in two groups
        // over one storage; elsewhere a short name must point at one thing.
        var owners = Registry.All
            .SelectMany(r => r.ShortNames.Select(s => (ShortName: s, r.StorageResource)))
            .Distinct()
            .GroupBy(x => x.ShortName)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key);
        Assert.That(owners, Is.Empty);
    }

    [TestCase("", "v1", "pods", true)]
    [TestCase("", "v1", "namespaces", false)]
    [TestCase("", "v1", "nodes", false)]
    [TestCase("", "v1", "persistentvolumes", false)]
    [TestCase("", "v1", "persistentvolumeclaims", true)]
    [TestCase("", "v1", "bindings", true)]
    [TestCase("apps", "v1", "deployments", true)]
    [TestCase("rbac.authorization.k8s.io", "v1", "clusterroles", false)]
    [TestCase("rbac.authorization.k8s.io", "v1", "rolebindings", true)]
    [TestCase("storage.k8s.io", "v1", "storageclasses", false)]
    [TestCase("scheduling.k8s.io", "v1", "priorityclasses", false)]
    [TestCase("networking.k8s.io", "v1", "ingressclasses", false)]
    [TestCase("networking.k8s.io", "v1", "ingresses", true)]
    [TestCase("authorization.k8s.io", "v1", "localsubjectaccessreviews", true)]
    [TestCase("authorization.k8s.io", "v1", "subjectaccessreviews", false)]
    [TestCase("authentication.k8s.io", "v1", "tokenreviews", false)]
    [TestCase("coordination.k8s.io", "v1", "leases", true)]
    public void Scope_is_as_upstream(string group, string version, string plural, bool namespaced)
    {
        var r = Registry.Find(group, version, plural);
        Assert.That(r, Is.Not.Null);
        Assert.That(r!.Namespaced, Is.EqualTo(namespaced));
    }

    [Test]
    public void Category_all_is_what_kubectl_get_all_lists()
    {
        var all = Registry.InCategory("all").Select(r => r.Plural);
        Assert.That(all, Is.EquivalentTo(new[]
        {
            "pods", "services", "daemonsets", "deployments", "replicasets", "statefulsets", "replicationcontrollers",
            "jobs", "cronjobs", "horizontalpodautoscalers",
        }));
    }

    [Test]
    public void Groups_are_in_kube_apiserver_order_with_versions_by_preference()
    {
        Assert.That(Registry.Groups.Select(g => g.Name), Is.EqualTo(new[]
        {
            "", "apps", "events.k8s.io", "authentication.k8s.io", "authorization.k8s.io", "autoscaling", "batch",
            "networking.k8s.io", "policy", "rbac.authorization.k8s.io", "storage.k8s.io", "scheduling.k8s.io",
            "coordination.k8s.io", "discovery.k8s.io",
        }));
        Assert.That(Registry.FindGroup("autoscaling")!.Versions, Is.EqualTo(new[] { "v2", "v1" }));
        Assert.That(Registry.FindGroup("autoscaling")!.PreferredVersion, Is.EqualTo("v2"));
    }

    [Test]
    public void Resources_of_a_group_version_are_sorted_by_plural()
    {
        var core = Registry.ResourcesIn("", "v1").Select(r => r.Plural).ToList();
        Assert.That(core, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        Assert.That(core, Does.Contain("pods").And.Contain("bindings"));
    }

    [Test]
    public void Pods_have_upstreams_subresources_and_response_kinds()
    {
        var pods = Registry.Find("", "v1", "pods")!;
        Assert.That(pods.Subresources.Select(s => s.Name), Is.EqualTo(new[]
        {
            "attach", "binding", "ephemeralcontainers", "eviction", "exec", "log", "portforward", "proxy", "resize", "status",
        }));
        Assert.Multiple(() =>
        {
            Assert.That(pods.FindSubresource("eviction")!.ResponseKind, Is.EqualTo(new GroupVersionKind("policy", "v1", "Eviction")));
            Assert.That(pods.FindSubresource("exec")!.ResponseKind!.Kind, Is.EqualTo("PodExecOptions"));
            Assert.That(pods.FindSubresource("exec")!.Verbs, Is.EqualTo(new[] { "create", "get" }));
            Assert.That(pods.FindSubresource("log")!.Verbs, Is.EqualTo(new[] { "get" }));
            Assert.That(pods.FindSubresource("status")!.Verbs, Is.EqualTo(new[] { "get", "patch", "update" }));
            Assert.That(pods.HasStatus, Is.True);
            Assert.That(pods.HasScale, Is.False);
            Assert.That(pods.DeleteReturnsObject, Is.True);
            Assert.That(pods.ShortNames, Is.EqualTo(new[] { "po" }));
        });
    }

    [TestCase("apps", "deployments")]
    [TestCase("apps", "replicasets")]
    [TestCase("apps", "statefulsets")]
    [TestCase("", "replicationcontrollers")]
    public void Scalable_workloads_have_autoscaling_v1_scale(string group, string plural)
    {
        var r = Registry.Find(group, "v1", plural)!;
        Assert.That(r.HasScale, Is.True);
        Assert.That(r.FindSubresource("scale")!.ResponseKind, Is.EqualTo(new GroupVersionKind("autoscaling", "v1", "Scale")));
        Assert.That(r.HasStatus, Is.True);
    }

    [Test]
    public void Namespaces_have_finalize_and_no_deletecollection()
    {
        var ns = Registry.Find("", "v1", "namespaces")!;
        Assert.That(ns.FindSubresource("finalize")!.Verbs, Is.EqualTo(new[] { "update" }));
        Assert.That(ns.SupportsVerb("deletecollection"), Is.False);
        Assert.That(ns.SupportsVerb("delete"), Is.True);
    }

    [Test]
    public void Create_only_resources()
    {
        foreach (var (g, p) in new[]
        {
            ("", "bindings"), ("authentication.k8s.io", "tokenreviews"), ("authentication.k8s.io", "selfsubjectreviews"),
            ("authorization.k8s.io", "subjectaccessreviews"), ("authorization.k8s.io", "selfsubjectaccessreviews"),
            ("authorization.k8s.io", "selfsubjectrulesreviews"), ("authorization.k8s.io", "localsubjectaccessreviews"),
        })
        {
            Assert.That(Registry.Find(g, "v1", p)!.Verbs, Is.EqualTo(new[] { "create" }), p);
        }
    }

    [Test]
    public void Service_accounts_have_a_token_subresource()
    {
        var token = Registry.Find("", "v1", "serviceaccounts")!.FindSubresource("token")!;
        Assert.That(token.ResponseKind, Is.EqualTo(new GroupVersionKind("authentication.k8s.io", "v1", "TokenRequest")));
        Assert.That(token.Verbs, Is.EqualTo(new[] { "create" }));
    }

    [Test]
    public void Events_of_both_groups_share_one_storage()
    {
        var core = Registry.Find("", "v1", "events")!;
        var events = Registry.Find("events.k8s.io", "v1", "events")!;
        Assert.That(events.StorageResource, Is.EqualTo("events"));
        Assert.That(core.StorageResource, Is.EqualTo("events"));
        Assert.That(events.GroupResource, Is.EqualTo("events.events.k8s.io"));
        Assert.That(events.FieldSelectorAliases["regarding.name"], Is.EqualTo("involvedObject.name"));
    }

    [Test]
    public void Storage_resource_is_plural_dot_group()
    {
        Assert.That(Registry.Find("apps", "v1", "deployments")!.StorageResource, Is.EqualTo("deployments.apps"));
        Assert.That(Registry.Find("autoscaling", "v1", "horizontalpodautoscalers")!.StorageResource,
            Is.EqualTo(Registry.Find("autoscaling", "v2", "horizontalpodautoscalers")!.StorageResource));
    }

    [TestCase("deploy", "apps", "deployments")]
    [TestCase("Deployment", "apps", "deployments")]
    [TestCase("DEPLOYMENTS", "apps", "deployments")]
    [TestCase("deployments.apps", "apps", "deployments")]
    [TestCase("po", "", "pods")]
    [TestCase("ev", "", "events")]
    [TestCase("events.events.k8s.io", "events.k8s.io", "events")]
    [TestCase("hpa", "autoscaling", "horizontalpodautoscalers")]
    [TestCase("endpoints", "", "endpoints")]
    [TestCase("netpol", "networking.k8s.io", "networkpolicies")]
    public void Resolves_short_singular_and_qualified_names(string name, string group, string plural)
    {
        var r = Registry.Resolve(name);
        Assert.That(r, Is.Not.Null);
        Assert.That((r!.Group, r.Plural), Is.EqualTo((group, plural)));
    }

    [Test]
    public void Resolve_prefers_the_preferred_version()
    {
        Assert.That(Registry.Resolve("hpa")!.Version, Is.EqualTo("v2"));
        Assert.That(Registry.Resolve("nosuchthing"), Is.Null);
    }

    [Test]
    public void Finds_by_kind()
    {
        Assert.That(Registry.FindByKind("apps/v1", "Deployment")!.Plural, Is.EqualTo("deployments"));
        Assert.That(Registry.FindByKind("v1", "Pod")!.Plural, Is.EqualTo("pods"));
        Assert.That(Registry.FindByKind(new GroupVersionKind("autoscaling", "v1", "HorizontalPodAutoscaler"))!.Version, Is.EqualTo("v1"));
        Assert.That(Registry.FindByKind("Event").Select(r => r.Group), Is.EqualTo(new[] { "", "events.k8s.io" }));
        Assert.That(Registry.FindByKind("v1", "Nope"), Is.Null);
    }

    [Test]
    public void Field_selectors_per_kind()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Registry.Find("", "v1", "pods")!.SupportedFieldSelectors,
                Is.SupersetOf(new[] { "metadata.name", "metadata.namespace", "spec.nodeName", "status.phase", "spec.hostNetwork" }));
            Assert.That(Registry.Find("", "v1", "nodes")!.SupportedFieldSelectors, Is.EqualTo(new[] { "metadata.name", "spec.unschedulable" }));
            Assert.That(Registry.Find("", "v1", "secrets")!.SupportedFieldSelectors, Does.Contain("type"));
            Assert.That(Registry.Find("batch", "v1", "jobs")!.SupportedFieldSelectors, Does.Contain("status.successful"));
            Assert.That(Registry.Find("", "v1", "configmaps")!.SupportedFieldSelectors, Is.EqualTo(new[] { "metadata.name", "metadata.namespace" }));
            Assert.That(Registry.Find("", "v1", "configmaps")!.HasFieldLabelConversion, Is.False);
            Assert.That(Registry.Find("", "v1", "events")!.SupportedFieldSelectors,
                Does.Contain("involvedObject.uid").And.Contain("source").And.Contain("reportingComponent"));
        });
    }

    [TestCase("", "namespaces", NameRule.Dns1123Label)]
    [TestCase("", "services", NameRule.Dns1035Label)]
    [TestCase("", "pods", NameRule.Dns1123Subdomain)]
    [TestCase("rbac.authorization.k8s.io", "roles", NameRule.PathSegment)]
    [TestCase("rbac.authorization.k8s.io", "clusterrolebindings", NameRule.PathSegment)]
    [TestCase("authorization.k8s.io", "subjectaccessreviews", NameRule.None)]
    public void Name_rules_per_kind(string group, string plural, NameRule rule)
    {
        Assert.That(Registry.Find(group, "v1", plural)!.NameRule, Is.EqualTo(rule));
    }

    [Test]
    public void Duplicate_definitions_are_rejected()
    {
        var pod = Registry.Find("", "v1", "pods")!;
        Assert.That(() => new ResourceRegistry([pod, pod]), Throws.ArgumentException);
    }
}
