using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kubelike.Compatibility.Tests.Harness;
using Kubelike.Compatibility.Tests.TestSupport;

namespace Kubelike.Compatibility.Tests.Authorization;

/// <summary>
/// RBAC on by default, driven with kubectl 1.35 under separate kubeconfigs: the admin (system:masters), users with
/// client certificates the test signs with the cluster CA, and a ServiceAccount-shaped user of the static token file.
/// The controllers run, so that the aggregated default roles are filled in.
/// </summary>
[TestFixture]
public sealed partial class RbacTests : ServerFixture
{
    private const string ServiceAccountNamespace = "rbac-robots";
    private const string ServiceAccountToken = "robot-token-0123456789";
    private static readonly TempDirectory TokenDirectory = new("kl-rbac-tokens");

    protected override bool WithControllers => true;

    protected override IReadOnlyList<string> ServerArguments
    {
        get
        {
            var path = TokenDirectory.Combine("tokens.csv");
            File.WriteAllText(path,
                $"{ServiceAccountToken},system:serviceaccount:{ServiceAccountNamespace}:robot,robot-uid,\"system:serviceaccounts,system:serviceaccounts:{ServiceAccountNamespace}\"\n");
            return ["--token-auth-file", path];
        }
    }

    [OneTimeTearDown]
    public void DeleteTokens() => TokenDirectory.Dispose();

    private Kubectl Admin => Kubectl(KubectlVersion.V1_35);

    private Kubectl As(string user, params string[] groups) =>
        new(KubectlVersion.V1_35, UserKubeconfigs.WithCertificate(Server, TestDirectory.Combine("users"), user, groups), TestDirectory.Combine($"kubectl-{user}"));

    private async Task<string> NamespaceAsync(string prefix)
    {
        var ns = UniqueNames.Of(prefix);
        await Succeeds(Admin, "create", "namespace", ns);
        return ns;
    }

    private static async Task<ToolResult> Succeeds(Kubectl kubectl, params string[] args)
    {
        var result = await kubectl.RunAsync(args);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
        return result;
    }

    /// <summary>Bindings reach the authorizer through its watch: wait until the user's can-i says yes.</summary>
    private static async Task UntilAllowedAsync(Kubectl kubectl, params string[] canI)
    {
        ToolResult? last = null;
        await Poll.UntilAsync(async () =>
        {
            last = await kubectl.RunAsync(["auth", "can-i", .. canI]);
            return last.ExitCode == 0 ? last : null;
        }, $"kubectl auth can-i {string.Join(' ', canI)} to say yes (last: {last})");
    }

    [Test]
    public async Task A_user_without_bindings_is_refused_with_upstreams_messages()
    {
        var ns = await NamespaceAsync("rbac-deny");
        var nobody = As("nobody");

        var list = await nobody.RunAsync("get", "pods", "-n", ns);
        var nodes = await nobody.RunAsync("get", "nodes");
        var log = await nobody.RunAsync("get", "--raw", $"/api/v1/namespaces/{ns}/pods/web/log");
        var secret = await nobody.RunAsync("get", "secret", "creds", "-n", ns);

        Assert.Multiple(() =>
        {
            Assert.That(list.ExitCode, Is.Not.EqualTo(0), list.ToString);
            Assert.That(list.Stderr, Does.Contain($"Error from server (Forbidden): pods is forbidden: User \"nobody\" cannot list resource \"pods\" in API group \"\" in the namespace \"{ns}\""), list.ToString);
            Assert.That(nodes.Stderr, Does.Contain("Error from server (Forbidden): nodes is forbidden: User \"nobody\" cannot list resource \"nodes\" in API group \"\" at the cluster scope"), nodes.ToString);
            Assert.That(log.Stderr, Does.Contain($"pods \"web\" is forbidden: User \"nobody\" cannot get resource \"pods/log\" in API group \"\" in the namespace \"{ns}\""), log.ToString);
            Assert.That(secret.Stderr, Does.Contain($"Error from server (Forbidden): secrets \"creds\" is forbidden: User \"nobody\" cannot get resource \"secrets\" in API group \"\" in the namespace \"{ns}\""), secret.ToString);
        });
    }

    [Test]
    public async Task The_forbidden_status_carries_reason_and_details()
    {
        var nobody = As("nobody");

        var raw = await nobody.RunAsync("get", "--raw", "/apis/apps/v1/namespaces/default/deployments/web");
        var path = await nobody.RunAsync("get", "--raw", "/metrics");

        Assert.Multiple(() =>
        {
            Assert.That(raw.Stderr, Does.Contain("deployments.apps \"web\" is forbidden: User \"nobody\" cannot get resource \"deployments\" in API group \"apps\" in the namespace \"default\""), raw.ToString);
            Assert.That(path.Stderr, Does.Contain("forbidden: User \"nobody\" cannot get path \"/metrics\""), path.ToString);
        });
    }

    [Test]
    public async Task A_namespaced_role_made_with_kubectl_create_grants_exactly_its_rules()
    {
        var ns = await NamespaceAsync("rbac-role");
        var other = await NamespaceAsync("rbac-other");
        var role = await Succeeds(Admin, "create", "role", "pod-reader", "-n", ns, "--verb=get,list,watch", "--resource=pods");
        var binding = await Succeeds(Admin, "create", "rolebinding", "alice-reads-pods", "-n", ns, "--role=pod-reader", "--user=alice");
        Assert.That(role.Stdout.Trim(), Is.EqualTo("role.rbac.authorization.k8s.io/pod-reader created"), role.ToString);
        Assert.That(binding.Stdout.Trim(), Is.EqualTo("rolebinding.rbac.authorization.k8s.io/alice-reads-pods created"), binding.ToString);
        var alice = As("alice");
        await UntilAllowedAsync(alice, "list", "pods", "-n", ns);

        var allowed = await alice.RunAsync("get", "pods", "-n", ns);
        var create = await alice.RunAsync("create", "configmap", "x", "-n", ns);
        var elsewhere = await alice.RunAsync("get", "pods", "-n", other);
        var canDelete = await alice.RunAsync("auth", "can-i", "delete", "pods", "-n", ns);
        var canList = await alice.RunAsync("auth", "can-i", "list", "pods", "-n", ns);

        Assert.Multiple(() =>
        {
            Assert.That(allowed.ExitCode, Is.EqualTo(0), allowed.ToString);
            Assert.That(allowed.Stderr, Does.Contain($"No resources found in {ns} namespace."), allowed.ToString);
            Assert.That(create.Stderr, Does.Contain($"configmaps is forbidden: User \"alice\" cannot create resource \"configmaps\" in API group \"\" in the namespace \"{ns}\""), create.ToString);
            Assert.That(elsewhere.Stderr, Does.Contain($"pods is forbidden: User \"alice\" cannot list resource \"pods\" in API group \"\" in the namespace \"{other}\""), elsewhere.ToString);
            Assert.That((canDelete.ExitCode, canDelete.Stdout.Trim()), Is.EqualTo((1, "no")), canDelete.ToString);
            Assert.That((canList.ExitCode, canList.Stdout.Trim()), Is.EqualTo((0, "yes")), canList.ToString);
        });
    }

    [Test]
    public async Task Resource_names_and_subresources_are_matched_as_upstream()
    {
        var ns = await NamespaceAsync("rbac-names");
        await Succeeds(Admin, "create", "configmap", "open", "-n", ns);
        await Succeeds(Admin, "create", "configmap", "closed", "-n", ns);
        await Succeeds(Admin, "create", "role", "one-map", "-n", ns, "--verb=get", "--resource=configmaps", "--resource-name=open");
        await Succeeds(Admin, "create", "role", "logs", "-n", ns, "--verb=get", "--resource=pods/log");
        await Succeeds(Admin, "create", "rolebinding", "carol-one-map", "-n", ns, "--role=one-map", "--user=carol");
        await Succeeds(Admin, "create", "rolebinding", "carol-logs", "-n", ns, "--role=logs", "--user=carol");
        var carol = As("carol");
        await UntilAllowedAsync(carol, "get", "configmap/open", "-n", ns);

        var open = await carol.RunAsync("get", "configmap", "open", "-n", ns, "-o", "name");
        var closed = await carol.RunAsync("get", "configmap", "closed", "-n", ns);
        var logs = await carol.RunAsync("auth", "can-i", "get", "pods", "--subresource=log", "-n", ns);
        var pods = await carol.RunAsync("auth", "can-i", "get", "pods", "-n", ns);

        Assert.Multiple(() =>
        {
            Assert.That(open.Stdout.Trim(), Is.EqualTo("configmap/open"), open.ToString);
            Assert.That(closed.Stderr, Does.Contain($"configmaps \"closed\" is forbidden: User \"carol\" cannot get resource \"configmaps\" in API group \"\" in the namespace \"{ns}\""), closed.ToString);
            Assert.That(logs.Stdout.Trim(), Is.EqualTo("yes"), logs.ToString);
            Assert.That(pods.Stdout.Trim(), Is.EqualTo("no"), pods.ToString);
        });
    }

    [Test]
    public async Task Can_i_list_shows_the_users_rules()
    {
        var ns = await NamespaceAsync("rbac-list");
        await Succeeds(Admin, "create", "role", "cm-editor", "-n", ns, "--verb=get,create,delete", "--resource=configmaps");
        await Succeeds(Admin, "create", "rolebinding", "dave-cm", "-n", ns, "--role=cm-editor", "--user=dave");
        var dave = As("dave");
        await UntilAllowedAsync(dave, "create", "configmaps", "-n", ns);

        var list = await Succeeds(dave, "auth", "can-i", "--list", "-n", ns);

        var lines = list.Stdout.Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Does.Match(@"^Resources\s+Non-Resource URLs\s+Resource Names\s+Verbs"), list.ToString);
            Assert.That(lines, Has.Some.Match(@"^configmaps\s+\[\]\s+\[\]\s+\[get create delete\]"), list.ToString);
            Assert.That(lines, Has.Some.Match(@"^selfsubjectaccessreviews\.authorization\.k8s\.io\s+\[\]\s+\[\]\s+\[create\]"), "system:basic-user: " + list);
            Assert.That(lines, Has.Some.Match(@"^\s+\[/version\]\s+\[\]\s+\[get\]"), "system:public-info-viewer: " + list);
        });
    }

    [Test]
    public async Task Impersonation_needs_the_impersonate_verb()
    {
        var ns = await NamespaceAsync("rbac-as");
        await Succeeds(Admin, "create", "role", "pod-reader", "-n", ns, "--verb=list", "--resource=pods");
        await Succeeds(Admin, "create", "rolebinding", "erin-reads", "-n", ns, "--role=pod-reader", "--user=erin");
        var frank = As("frank");
        await UntilAllowedAsync(Admin, "list", "pods", "-n", ns, "--as=erin");

        var asErin = await Admin.RunAsync("get", "pods", "-n", ns, "--as=erin");
        var asErinElsewhere = await Admin.RunAsync("auth", "can-i", "list", "secrets", "-n", ns, "--as=erin");
        var whoami = await Admin.RunAsync("auth", "whoami", "--as=erin", "--as-group=team", "-o", "jsonpath={.status.userInfo.username} {.status.userInfo.groups}");
        // --raw: kubectl's discovery client words any 403 of its own requests as "Forbidden: unknown".
        var refused = await frank.RunAsync("get", "--raw", $"/api/v1/namespaces/{ns}/pods", "--as=erin");

        Assert.Multiple(() =>
        {
            Assert.That(asErin.ExitCode, Is.EqualTo(0), asErin.ToString);
            Assert.That(asErinElsewhere.Stdout.Trim(), Is.EqualTo("no"), asErinElsewhere.ToString);
            Assert.That(whoami.Stdout, Is.EqualTo("erin [\"team\",\"system:authenticated\"]"), whoami.ToString);
            Assert.That(refused.Stderr, Does.Contain("users \"erin\" is forbidden: User \"frank\" cannot impersonate resource \"users\" in API group \"\" at the cluster scope"), refused.ToString);
        });
    }

    [Test]
    public async Task Granting_rules_one_does_not_hold_is_refused()
    {
        var ns = await NamespaceAsync("rbac-esc");
        // grace may manage Roles and RoleBindings and read pods, nothing else.
        await Succeeds(Admin, "create", "role", "role-manager", "-n", ns, "--verb=get,list,create,update,delete", "--resource=roles,rolebindings");
        await Succeeds(Admin, "create", "role", "pod-reader", "-n", ns, "--verb=get,list", "--resource=pods");
        await Succeeds(Admin, "create", "rolebinding", "grace-manages", "-n", ns, "--role=role-manager", "--user=grace");
        await Succeeds(Admin, "create", "rolebinding", "grace-reads", "-n", ns, "--role=pod-reader", "--user=grace");
        var grace = As("grace");
        await UntilAllowedAsync(grace, "get", "pods", "-n", ns);

        var held = await grace.RunAsync("create", "role", "pods-only", "-n", ns, "--verb=get", "--resource=pods");
        var escalating = await grace.RunAsync("create", "role", "secret-reader", "-n", ns, "--verb=get,list", "--resource=secrets");
        var bindAdmin = await grace.RunAsync("create", "rolebinding", "grace-admin", "-n", ns, "--clusterrole=cluster-admin", "--user=grace");
        // The new role reaches the authorizer's cache through its watch: until then the binding names a missing role.
        ToolResult? bindHeld = null;
        await Poll.UntilAsync(async () =>
        {
            bindHeld = await grace.RunAsync("create", "rolebinding", "henry-pods", "-n", ns, "--role=pods-only", "--user=henry");
            return bindHeld.ExitCode == 0 ? bindHeld : null;
        }, $"grace to bind a role whose rules she holds (last: {bindHeld})");

        Assert.Multiple(() =>
        {
            Assert.That(held.ExitCode, Is.EqualTo(0), held.ToString);
            Assert.That(escalating.Stderr, Does.Contain(
                $"roles.rbac.authorization.k8s.io \"secret-reader\" is forbidden: user \"grace\" (groups=[\"system:authenticated\"]) is attempting to grant RBAC permissions not currently held:\n{{APIGroups:[\"\"], Resources:[\"secrets\"], Verbs:[\"get\" \"list\"]}}"),
                escalating.ToString);
            Assert.That(bindAdmin.Stderr, Does.Contain(
                "rolebindings.rbac.authorization.k8s.io \"grace-admin\" is forbidden: user \"grace\" (groups=[\"system:authenticated\"]) is attempting to grant RBAC permissions not currently held:"),
                bindAdmin.ToString);
        });

        // With the escalate verb the same role goes through.
        await Succeeds(Admin, "create", "role", "escalator", "-n", ns, "--verb=escalate", "--resource=roles");
        await Succeeds(Admin, "create", "rolebinding", "grace-escalates", "-n", ns, "--role=escalator", "--user=grace");
        await UntilAllowedAsync(grace, "escalate", "roles", "-n", ns);
        var escalated = await grace.RunAsync("create", "role", "secret-reader", "-n", ns, "--verb=get,list", "--resource=secrets");
        Assert.That(escalated.ExitCode, Is.EqualTo(0), escalated.ToString);
    }

    [Test]
    public async Task The_default_roles_exist_and_view_aggregates_a_new_labelled_role()
    {
        var names = await Succeeds(Admin, "get", "clusterroles", "-o", "name");
        Assert.That(names.Stdout.Split('\n'), Is.SupersetOf(new[]
        {
            "clusterrole.rbac.authorization.k8s.io/cluster-admin", "clusterrole.rbac.authorization.k8s.io/admin",
            "clusterrole.rbac.authorization.k8s.io/edit", "clusterrole.rbac.authorization.k8s.io/view",
            "clusterrole.rbac.authorization.k8s.io/system:basic-user", "clusterrole.rbac.authorization.k8s.io/system:discovery",
            "clusterrole.rbac.authorization.k8s.io/system:public-info-viewer", "clusterrole.rbac.authorization.k8s.io/system:node",
        }), names.ToString);

        var manifest = new JsonObject
        {
            ["apiVersion"] = "rbac.authorization.k8s.io/v1",
            ["kind"] = "ClusterRole",
            ["metadata"] = new JsonObject
            {
                ["name"] = UniqueNames.Of("podtemplate-viewer"),
                ["labels"] = new JsonObject { ["rbac.authorization.k8s.io/aggregate-to-view"] = "true" },
            },
            ["rules"] = new JsonArray(new JsonObject
            {
                ["apiGroups"] = new JsonArray(""),
                ["resources"] = new JsonArray("podtemplates"),
                ["verbs"] = new JsonArray("get", "list"),
            }),
        };
        var applied = await Admin.RunAsync(["apply", "-f", "-"], manifest.ToJsonString());
        Assert.That(applied.ExitCode, Is.EqualTo(0), applied.ToString);

        ToolResult? view = null;
        await Poll.UntilAsync(async () =>
        {
            view = await Admin.RunAsync("get", "clusterrole", "view", "-o", "json");
            var rules = JsonNode.Parse(view.Stdout)?["rules"]?.AsArray() ?? [];
            return rules.Any(r => (string?)r?["resources"]?[0] == "podtemplates") ? view : null;
        }, $"the view role to aggregate the podtemplates rule (last: {view})");
        var edit = await Admin.RunAsync("get", "clusterrole", "edit", "-o", "json");
        var editRules = JsonNode.Parse(edit.Stdout)?["rules"]?.AsArray() ?? [];
        Assert.That(editRules.Any(r => (string?)r?["resources"]?[0] == "podtemplates"), Is.True, "edit aggregates view (labelled aggregate-to-edit): " + edit);

        // A user bound to view in a namespace can then read pod templates there.
        var ns = await NamespaceAsync("rbac-view");
        await Succeeds(Admin, "create", "rolebinding", "ivan-views", "-n", ns, "--clusterrole=view", "--user=ivan");
        var ivan = As("ivan");
        await UntilAllowedAsync(ivan, "list", "podtemplates", "-n", ns);
        var secrets = await ivan.RunAsync("auth", "can-i", "get", "secrets", "-n", ns);
        Assert.That(secrets.Stdout.Trim(), Is.EqualTo("no"), "view never grants secrets: " + secrets);
    }

    [Test]
    public async Task A_service_account_subject_matches_the_service_account_user_and_groups()
    {
        await Admin.RunAsync("create", "namespace", ServiceAccountNamespace);
        var data = UniqueNames.Of("robot-data");
        await Succeeds(Admin, "create", "configmap", data, "-n", ServiceAccountNamespace);
        var robot = new Kubectl(KubectlVersion.V1_35, UserKubeconfigs.WithToken(Server, TestDirectory.Combine("users"), "robot", ServiceAccountToken), TestDirectory.Combine("kubectl-robot"));

        var before = await robot.RunAsync("get", "configmaps", "-n", ServiceAccountNamespace);
        Assert.That(before.Stderr, Does.Contain($"configmaps is forbidden: User \"system:serviceaccount:{ServiceAccountNamespace}:robot\" cannot list resource \"configmaps\" in API group \"\" in the namespace \"{ServiceAccountNamespace}\""), before.ToString);

        await Succeeds(Admin, "create", "rolebinding", "robot-views", "-n", ServiceAccountNamespace, "--clusterrole=view", $"--serviceaccount={ServiceAccountNamespace}:robot");
        await Succeeds(Admin, "create", "clusterrolebinding", UniqueNames.Of("all-sa-nodes"), "--clusterrole=system:node-proxier", "--group=system:serviceaccounts");
        await UntilAllowedAsync(robot, "list", "configmaps", "-n", ServiceAccountNamespace);

        var listed = await robot.RunAsync("get", "configmaps", "-n", ServiceAccountNamespace, "-o", "name");
        var nodes = await robot.RunAsync("auth", "can-i", "get", "nodes");
        var whoami = await robot.RunAsync("auth", "whoami", "-o", "jsonpath={.status.userInfo.username}");
        Assert.Multiple(() =>
        {
            Assert.That(listed.Stdout, Does.Contain($"configmap/{data}"), listed.ToString);
            Assert.That(nodes.Stdout.Trim(), Is.EqualTo("yes"), "the system:serviceaccounts group is bound: " + nodes);
            Assert.That(whoami.Stdout, Is.EqualTo($"system:serviceaccount:{ServiceAccountNamespace}:robot"), whoami.ToString);
        });
    }

    [Test]
    public async Task Subject_access_reviews_answer_for_another_user()
    {
        var ns = await NamespaceAsync("rbac-sar");
        await Succeeds(Admin, "create", "rolebinding", "judy-edits", "-n", ns, "--clusterrole=edit", "--user=judy");
        var review = new JsonObject
        {
            ["apiVersion"] = "authorization.k8s.io/v1",
            ["kind"] = "SubjectAccessReview",
            ["spec"] = new JsonObject
            {
                ["user"] = "judy",
                ["resourceAttributes"] = new JsonObject { ["namespace"] = ns, ["verb"] = "create", ["resource"] = "deployments", ["group"] = "apps" },
            },
        };

        ApiResponse? answer = null;
        await Poll.UntilAsync(async () =>
        {
            answer = await Server.HttpClient.PostApiAsync("/apis/authorization.k8s.io/v1/subjectaccessreviews", review);
            return answer.Json?["status"]?["allowed"]?.GetValue<bool>() == true ? answer : null;
        }, $"judy to be allowed to create deployments (last: {answer})");
        Assert.That((string?)answer!.Json!["status"]!["reason"], Is.EqualTo($"RBAC: allowed by RoleBinding \"judy-edits/{ns}\" of ClusterRole \"edit\" to User \"judy\""), answer.ToString);

        review["spec"]!["resourceAttributes"]!["verb"] = "escalate";
        review["spec"]!["resourceAttributes"]!["resource"] = "roles";
        review["spec"]!["resourceAttributes"]!["group"] = "rbac.authorization.k8s.io";
        var denied = await Server.HttpClient.PostApiAsync("/apis/authorization.k8s.io/v1/subjectaccessreviews", review);
        Assert.That(denied.Json?["status"]?["allowed"]?.GetValue<bool>(), Is.False, denied.ToString);
    }
}
