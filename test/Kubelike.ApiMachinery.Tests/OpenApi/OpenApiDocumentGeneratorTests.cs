using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.OpenApi;
using Kubelike.ApiMachinery.Registry;

namespace Kubelike.ApiMachinery.Tests.OpenApi;

/// <summary>
/// The OpenAPI v3 documents as clients read them: kubectl explain finds a kind's schema by
/// x-kubernetes-group-version-kind and walks allOf references; kubectl validation looks for fieldValidation among the
/// PATCH operation's parameters; client-side apply reads patch strategies and merge keys from the properties.
/// </summary>
public class OpenApiDocumentGeneratorTests
{
    private static readonly ResourceRegistry Registry = ResourceRegistry.BuiltIn;
    private static readonly OpenApiDocumentGenerator Generator = new(Registry);
    private static readonly Dictionary<string, JsonObject> Documents =
        Generator.GroupVersionPaths.ToDictionary(path => path, path => Generator.Generate(path)!);

    private static JsonObject Apps => Documents["apis/apps/v1"];
    private static JsonObject Core => Documents["api/v1"];

    private static JsonObject Schema(JsonObject document, string name) => document["components"]!["schemas"]![name]!.AsObject();

    private static JsonObject Property(JsonObject document, string schema, string property) =>
        Schema(document, schema)["properties"]![property]!.AsObject();

    [Test]
    public void There_is_one_document_per_served_group_version_core_first()
    {
        var expected = Registry.Groups.SelectMany(g => g.Versions.Select(v => g.Name.Length == 0 ? $"api/{v}" : $"apis/{g.Name}/{v}"));
        Assert.Multiple(() =>
        {
            Assert.That(Generator.GroupVersionPaths, Is.EqualTo(expected));
            Assert.That(Generator.GroupVersionPaths[0], Is.EqualTo("api/v1"));
            Assert.That(Generator.GroupVersionPaths, Does.Contain("apis/autoscaling/v2").And.Contain("apis/autoscaling/v1"));
            Assert.That(Generator.Generate("apis/apps/v2"), Is.Null);
        });
    }

    [Test]
    public void Every_served_kind_has_a_schema_carrying_its_group_version_kind()
    {
        foreach (var resource in Registry.All)
        {
            var document = Documents[OpenApiDocumentGenerator.PathOf(resource.Group, resource.Version)];
            var matches = document["components"]!["schemas"]!.AsObject()
                .Where(schema => schema.Value!["x-kubernetes-group-version-kind"] is JsonArray kinds && kinds.Any(kind =>
                    (string?)kind!["group"] == resource.Group && (string?)kind["version"] == resource.Version && (string?)kind["kind"] == resource.Kind))
                .Select(schema => schema.Key)
                .ToList();
            Assert.That(matches, Has.Count.EqualTo(1), $"{resource.ApiVersion} {resource.Kind}");
        }
        Assert.That(Schema(Apps, "io.k8s.api.apps.v1.Deployment")["x-kubernetes-group-version-kind"]!.ToJsonString(),
            Is.EqualTo("""[{"group":"apps","kind":"Deployment","version":"v1"}]"""));
    }

    [Test]
    public void Properties_carry_descriptions_enums_and_references_wrapped_in_allOf()
    {
        var strategy = Property(Apps, "io.k8s.api.apps.v1.DeploymentSpec", "strategy");
        var type = Property(Apps, "io.k8s.api.apps.v1.DeploymentStrategy", "type");
        Assert.Multiple(() =>
        {
            Assert.That(strategy["allOf"]!.ToJsonString(), Is.EqualTo("""[{"$ref":"#/components/schemas/io.k8s.api.apps.v1.DeploymentStrategy"}]"""));
            Assert.That((string?)strategy["description"], Does.StartWith("The deployment strategy to use"));
            Assert.That((string?)strategy["x-kubernetes-patch-strategy"], Is.EqualTo("retainKeys"));
            Assert.That(strategy.ContainsKey("$ref"), Is.False, "OpenAPI 3.0 ignores a $ref's siblings");
            Assert.That((string?)type["type"], Is.EqualTo("string"));
            Assert.That(type["enum"]!.ToJsonString(), Is.EqualTo("""["Recreate","RollingUpdate"]"""));
            Assert.That((string?)Schema(Apps, "io.k8s.api.apps.v1.DeploymentStrategy")["description"], Does.StartWith("DeploymentStrategy describes"));
            Assert.That(Schema(Apps, "io.k8s.api.apps.v1.DeploymentSpec")["required"]!.ToJsonString(), Is.EqualTo("""["selector","template"]"""));
            Assert.That(Property(Apps, "io.k8s.api.apps.v1.Deployment", "metadata")["default"]!.ToJsonString(), Is.EqualTo("{}"));
        });
    }

    [Test]
    public void Lists_and_maps_carry_their_merge_and_topology_extensions()
    {
        var containers = Property(Apps, "io.k8s.api.core.v1.PodSpec", "containers");
        var ports = Property(Core, "io.k8s.api.core.v1.ServiceSpec", "ports");
        var labels = Property(Core, "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", "labels");
        var selector = Property(Core, "io.k8s.api.core.v1.ServiceSpec", "selector");
        Assert.Multiple(() =>
        {
            Assert.That((string?)containers["type"], Is.EqualTo("array"));
            Assert.That(containers["items"]!.ToJsonString(), Is.EqualTo("""{"allOf":[{"$ref":"#/components/schemas/io.k8s.api.core.v1.Container"}],"default":{}}"""));
            Assert.That((string?)containers["x-kubernetes-list-type"], Is.EqualTo("map"));
            Assert.That(containers["x-kubernetes-list-map-keys"]!.ToJsonString(), Is.EqualTo("""["name"]"""));
            Assert.That((string?)containers["x-kubernetes-patch-merge-key"], Is.EqualTo("name"));
            Assert.That((string?)containers["x-kubernetes-patch-strategy"], Is.EqualTo("merge"));
            Assert.That(ports["x-kubernetes-list-map-keys"]!.ToJsonString(), Is.EqualTo("""["port","protocol"]"""));
            Assert.That(labels["additionalProperties"]!.ToJsonString(), Is.EqualTo("""{"default":"","type":"string"}"""));
            Assert.That((string?)selector["x-kubernetes-map-type"], Is.EqualTo("atomic"));
            Assert.That((string?)Schema(Core, "io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector")["x-kubernetes-map-type"], Is.EqualTo("atomic"));
        });
    }

    [Test]
    public void Apimachinery_types_have_their_own_json_shapes()
    {
        var intOrString = Schema(Apps, "io.k8s.apimachinery.pkg.util.intstr.IntOrString");
        var quantity = Schema(Core, "io.k8s.apimachinery.pkg.api.resource.Quantity");
        var time = Schema(Core, "io.k8s.apimachinery.pkg.apis.meta.v1.Time");
        Assert.Multiple(() =>
        {
            Assert.That((string?)intOrString["format"], Is.EqualTo("int-or-string"));
            Assert.That(intOrString["oneOf"]!.ToJsonString(), Is.EqualTo("""[{"type":"integer"},{"type":"string"}]"""));
            Assert.That(quantity["oneOf"]!.ToJsonString(), Is.EqualTo("""[{"type":"string"},{"type":"number"}]"""));
            Assert.That((string?)time["type"], Is.EqualTo("string"));
            Assert.That((string?)time["format"], Is.EqualTo("date-time"));
            Assert.That(Property(Apps, "io.k8s.api.apps.v1.RollingUpdateDeployment", "maxSurge")["allOf"]![0]!["$ref"]!.GetValue<string>(),
                Does.EndWith("/io.k8s.apimachinery.pkg.util.intstr.IntOrString"));
            Assert.That(Property(Core, "io.k8s.apimachinery.pkg.apis.meta.v1.ManagedFieldsEntry", "fieldsV1")["allOf"]![0]!["$ref"]!.GetValue<string>(),
                Does.EndWith("/io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1"));
        });
    }

    [Test]
    public void Every_patch_operation_takes_the_write_parameters_and_all_four_patch_types()
    {
        var patches = 0;
        foreach (var (path, document) in Documents)
        {
            foreach (var (route, item) in document["paths"]!.AsObject())
            {
                // A proxy's PATCH is a connection to whatever it proxies, not a patch of an object.
                if (item!["patch"] is not JsonObject patch || (string?)patch["x-kubernetes-action"] == "connect")
                    continue;
                patches++;
                var parameters = patch["parameters"]!.AsArray().Select(p => (string?)p!["name"]);
                Assert.That(parameters, Is.SupersetOf(new[] { "dryRun", "fieldManager", "fieldValidation", "force" }), route);
                Assert.That(patch["requestBody"]!["content"]!.AsObject().Select(c => c.Key), Is.EquivalentTo(new[]
                {
                    "application/apply-patch+yaml", "application/json-patch+json", "application/merge-patch+json", "application/strategic-merge-patch+json",
                }), route);
                Assert.That(patch["x-kubernetes-group-version-kind"], Is.Not.Null, route);
            }
        }
        var patchable = Registry.All.Count(r => r.SupportsVerb("patch")) + Registry.All.Sum(r => r.Subresources.Count(s => s.Verbs.Contains("patch") && s.Name != "proxy"));
        Assert.That(patches, Is.EqualTo(patchable), "one PATCH per patchable resource and subresource");
    }

    [Test]
    public void Operations_of_a_resource_follow_its_verbs_and_subresources()
    {
        var paths = Apps["paths"]!.AsObject();
        var item = paths["/apis/apps/v1/namespaces/{namespace}/deployments/{name}"]!;
        var collection = paths["/apis/apps/v1/namespaces/{namespace}/deployments"]!;
        var scale = paths["/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale"]!;
        var status = paths["/apis/apps/v1/namespaces/{namespace}/deployments/{name}/status"]!;
        Assert.Multiple(() =>
        {
            Assert.That(item.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "delete", "get", "parameters", "patch", "put" }));
            Assert.That(collection.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "delete", "get", "parameters", "post" }));
            Assert.That((string?)item["patch"]!["operationId"], Is.EqualTo("patchAppsV1NamespacedDeployment"));
            Assert.That((string?)collection["delete"]!["x-kubernetes-action"], Is.EqualTo("deletecollection"));
            Assert.That((string?)collection["get"]!["operationId"], Is.EqualTo("listAppsV1NamespacedDeployment"));
            Assert.That(collection["get"]!["parameters"]!.AsArray().Select(p => (string?)p!["name"]),
                Is.SupersetOf(new[] { "labelSelector", "fieldSelector", "limit", "continue", "resourceVersion", "watch", "allowWatchBookmarks", "timeoutSeconds" }));
            Assert.That((string?)paths["/apis/apps/v1/deployments"]!["get"]!["operationId"], Is.EqualTo("listAppsV1DeploymentForAllNamespaces"));
            Assert.That(scale["put"]!["x-kubernetes-group-version-kind"]!.ToJsonString(), Is.EqualTo("""{"group":"autoscaling","kind":"Scale","version":"v1"}"""));
            Assert.That((string?)scale["get"]!["operationId"], Is.EqualTo("readAppsV1NamespacedDeploymentScale"));
            Assert.That(status["patch"]!["x-kubernetes-group-version-kind"]!.ToJsonString(), Is.EqualTo("""{"group":"apps","kind":"Deployment","version":"v1"}"""));
            Assert.That(item["parameters"]!.AsArray().Select(p => (string?)p!["name"]), Is.EqualTo(new[] { "name", "namespace" }));
            Assert.That((string?)item["delete"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"],
                Does.EndWith("/io.k8s.apimachinery.pkg.apis.meta.v1.Status"));
            Assert.That((string?)Core["paths"]!["/api/v1/namespaces/{namespace}/pods/{name}"]!["delete"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"],
                Does.EndWith("/io.k8s.api.core.v1.Pod"), "a pod delete answers with the pod");
            Assert.That(Core["paths"]!["/api/v1/namespaces/{namespace}/pods/{name}/exec"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "get", "parameters", "post" }));
            Assert.That(Core["paths"]!["/api/v1/namespaces"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "get", "post" }),
                "namespaces are cluster-scoped and have no deletecollection");
            Assert.That(Documents["apis/authentication.k8s.io/v1"]["paths"]!["/apis/authentication.k8s.io/v1/tokenreviews"]!.AsObject().Select(p => p.Key),
                Is.EquivalentTo(new[] { "post" }));
        });
    }

    [Test]
    public void Every_reference_names_a_schema_of_the_same_document()
    {
        foreach (var (path, document) in Documents)
        {
            var schemas = document["components"]!["schemas"]!.AsObject();
            var references = References(document).Distinct().ToList();
            Assert.That(references, Is.Not.Empty, path);
            foreach (var reference in references)
                Assert.That(schemas.ContainsKey(reference["#/components/schemas/".Length..]), Is.True, $"{path}: {reference}");
        }
    }

    [Test]
    public void Documents_are_the_same_bytes_every_time_with_keys_in_ordinal_order()
    {
        var again = new OpenApiDocumentGenerator(Registry).Generate("apis/apps/v1")!;
        Assert.That(OpenApiDocumentGenerator.Serialize(again, indented: false), Is.EqualTo(OpenApiDocumentGenerator.Serialize(Apps, indented: false)));
        var keys = Apps["components"]!["schemas"]!.AsObject().Select(s => s.Key).ToList();
        Assert.That(keys, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        Assert.That(Apps.Select(p => p.Key), Is.EqualTo(new[] { "components", "info", "openapi", "paths" }));
        Assert.That((string?)Apps["openapi"], Is.EqualTo("3.0.0"));
    }

    private static IEnumerable<string> References(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(pair => pair.Key == "$ref" ? [pair.Value!.GetValue<string>()] : References(pair.Value)),
        JsonArray array => array.SelectMany(References),
        _ => [],
    };
}
