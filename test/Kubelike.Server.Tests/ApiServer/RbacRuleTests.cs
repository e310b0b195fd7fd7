using Kubelike.Api.Rbac.V1;
using Kubelike.ApiServer.Authentication;
using Kubelike.ApiServer.Authorization;
using Kubelike.ApiServer.Authorization.Rbac;

namespace Kubelike.Server.Tests.ApiServer;

/// <summary>Upstream's matching of one RBAC rule against a request, and the coverage check behind escalation prevention.</summary>
[TestFixture]
public sealed class RbacRuleTests
{
    private static readonly UserInfo Alice = new("alice", "", ["system:authenticated"]);

    private static AuthorizationAttributes Resource(string verb, string group, string resource, string subresource = "", string name = "") => new()
    {
        User = Alice,
        Verb = verb,
        IsResourceRequest = true,
        Group = group,
        Resource = resource,
        Subresource = subresource,
        Name = name,
        Namespace = "dev",
    };

    private static PolicyRule Rule(string[] verbs, string[] groups, string[] resources, string[]? names = null) =>
        new() { Verbs = verbs, ApiGroups = groups, Resources = resources, ResourceNames = names };

    [TestCase("get", "", "pods", "", "", true)]
    [TestCase("delete", "", "pods", "", "", false)]
    [TestCase("get", "apps", "pods", "", "", false)]
    [TestCase("get", "", "pods", "log", "", false)]
    [TestCase("get", "", "pods", "", "web", true)]
    public void A_plain_rule_matches_its_verbs_group_and_resource_only(string verb, string group, string resource, string subresource, string name, bool allowed) =>
        Assert.That(PolicyRules.Allows(Rule(["get", "list"], [""], ["pods"]), Resource(verb, group, resource, subresource, name)), Is.EqualTo(allowed));

    [Test]
    public void Subresources_match_exactly_or_through_a_star_slash_wildcard()
    {
        Assert.Multiple(() =>
        {
            Assert.That(PolicyRules.Allows(Rule(["get"], [""], ["pods/log"]), Resource("get", "", "pods", "log")), Is.True);
            Assert.That(PolicyRules.Allows(Rule(["get"], [""], ["pods/log"]), Resource("get", "", "pods")), Is.False);
            Assert.That(PolicyRules.Allows(Rule(["get"], [""], ["*/scale"]), Resource("get", "", "replicationcontrollers", "scale")), Is.True);
            Assert.That(PolicyRules.Allows(Rule(["get"], [""], ["*/scale"]), Resource("get", "", "pods", "log")), Is.False);
            Assert.That(PolicyRules.Allows(Rule(["*"], ["*"], ["*"]), Resource("escalate", "rbac.authorization.k8s.io", "roles")), Is.True);
        });
    }

    [Test]
    public void Resource_names_restrict_to_those_names()
    {
        var rule = Rule(["get", "update"], [""], ["configmaps"], ["settings"]);
        Assert.Multiple(() =>
        {
            Assert.That(PolicyRules.Allows(rule, Resource("get", "", "configmaps", name: "settings")), Is.True);
            Assert.That(PolicyRules.Allows(rule, Resource("get", "", "configmaps", name: "other")), Is.False);
            Assert.That(PolicyRules.Allows(rule, Resource("list", "", "configmaps")), Is.False);
        });
    }

    [TestCase("/healthz", true)]
    [TestCase("/apis/apps/v1", true)]
    [TestCase("/apis", false)]
    [TestCase("/metrics", false)]
    public void Non_resource_urls_match_exactly_or_by_a_star_prefix(string path, bool allowed)
    {
        var rule = new PolicyRule { Verbs = ["get"], NonResourceURLs = ["/healthz", "/apis/*"] };
        Assert.That(PolicyRules.Allows(rule, AuthorizationAttributes.ForPath(Alice, "GET", path)), Is.EqualTo(allowed));
    }

    [Test]
    public void Missing_rules_are_reported_compacted_as_upstream_words_them()
    {
        PolicyRule[] held = [Rule(["get", "list"], [""], ["pods"]), Rule(["*"], ["apps"], ["deployments"])];
        PolicyRule[] granted =
        [
            Rule(["get"], [""], ["pods"]),
            Rule(["get", "list", "watch"], ["", "apps"], ["pods", "deployments", "secrets"]),
            new() { Verbs = ["get"], NonResourceURLs = ["/metrics"] },
        ];

        var missing = RuleCoverage.Describe(RuleCoverage.Missing(held, granted));

        Assert.That(missing, Is.EqualTo(new[]
        {
            "{APIGroups:[\"\"], Resources:[\"deployments\"], Verbs:[\"get\" \"list\" \"watch\"]}",
            "{APIGroups:[\"\"], Resources:[\"pods\"], Verbs:[\"watch\"]}",
            "{APIGroups:[\"\"], Resources:[\"secrets\"], Verbs:[\"get\" \"list\" \"watch\"]}",
            "{APIGroups:[\"apps\"], Resources:[\"pods\"], Verbs:[\"get\" \"list\" \"watch\"]}",
            "{APIGroups:[\"apps\"], Resources:[\"secrets\"], Verbs:[\"get\" \"list\" \"watch\"]}",
            "{NonResourceURLs:[\"/metrics\"], Verbs:[\"get\"]}",
        }));
    }

    [Test]
    public void Subjects_match_users_groups_and_service_accounts()
    {
        var robot = new UserInfo("system:serviceaccount:dev:robot", "", ["system:serviceaccounts", "system:serviceaccounts:dev", "system:authenticated"]);
        Subject[] sameNamespace = [new() { Kind = "ServiceAccount", Name = "robot" }];
        Subject[] otherNamespace = [new() { Kind = "ServiceAccount", Name = "robot", Namespace = "prod" }];
        Subject[] group = [new() { Kind = "Group", Name = "system:serviceaccounts:dev" }];
        Subject[] user = [new() { Kind = "User", Name = "alice" }];
        Assert.Multiple(() =>
        {
            Assert.That(RuleResolver.AppliesTo(robot, sameNamespace, "dev"), Is.Not.Null, "a ServiceAccount subject takes the binding's namespace");
            Assert.That(RuleResolver.AppliesTo(robot, sameNamespace, ""), Is.Null, "and names no one without a namespace");
            Assert.That(RuleResolver.AppliesTo(robot, otherNamespace, "dev"), Is.Null);
            Assert.That(RuleResolver.AppliesTo(robot, group, ""), Is.Not.Null);
            Assert.That(RuleResolver.AppliesTo(Alice, user, ""), Is.Not.Null);
            Assert.That(RuleResolver.AppliesTo(robot, user, ""), Is.Null);
        });
    }
}
