using System.Reflection;
using System.Text.Json.Serialization;
using Kubelike.Api.Core.V1;
using Kubelike.Api.Meta.V1;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Tests;

public class SchemaReflectionTests
{
    // Kinds that have no list upstream: subresources, reviews and one-shot requests.
    private static readonly HashSet<string> UnlistedKinds =
    [
        "v1/Binding", "autoscaling/v1/Scale", "policy/v1/Eviction",
        "authentication.k8s.io/v1/TokenReview", "authentication.k8s.io/v1/SelfSubjectReview", "authentication.k8s.io/v1/TokenRequest",
        "authorization.k8s.io/v1/SubjectAccessReview", "authorization.k8s.io/v1/SelfSubjectAccessReview",
        "authorization.k8s.io/v1/LocalSubjectAccessReview", "authorization.k8s.io/v1/SelfSubjectRulesReview",
    ];

    private static readonly string[] ExpectedKinds =
    [
        "v1/Namespace", "v1/Pod", "v1/Service", "v1/Endpoints", "v1/ConfigMap", "v1/Secret", "v1/ServiceAccount", "v1/Node",
        "v1/Event", "v1/PersistentVolume", "v1/PersistentVolumeClaim", "v1/ResourceQuota", "v1/LimitRange",
        "v1/ReplicationController", "v1/Binding", "v1/PodTemplate", "v1/ComponentStatus",
        "apps/v1/Deployment", "apps/v1/ReplicaSet", "apps/v1/StatefulSet", "apps/v1/DaemonSet", "apps/v1/ControllerRevision",
        "batch/v1/Job", "batch/v1/CronJob",
        "autoscaling/v1/HorizontalPodAutoscaler", "autoscaling/v1/Scale", "autoscaling/v2/HorizontalPodAutoscaler",
        "policy/v1/PodDisruptionBudget", "policy/v1/Eviction",
        "coordination.k8s.io/v1/Lease", "discovery.k8s.io/v1/EndpointSlice", "events.k8s.io/v1/Event",
        "networking.k8s.io/v1/Ingress", "networking.k8s.io/v1/IngressClass", "networking.k8s.io/v1/NetworkPolicy",
        "rbac.authorization.k8s.io/v1/Role", "rbac.authorization.k8s.io/v1/ClusterRole",
        "rbac.authorization.k8s.io/v1/RoleBinding", "rbac.authorization.k8s.io/v1/ClusterRoleBinding",
        "storage.k8s.io/v1/StorageClass", "scheduling.k8s.io/v1/PriorityClass",
        "authentication.k8s.io/v1/TokenReview", "authentication.k8s.io/v1/SelfSubjectReview", "authentication.k8s.io/v1/TokenRequest",
        "authorization.k8s.io/v1/SubjectAccessReview", "authorization.k8s.io/v1/SelfSubjectAccessReview",
        "authorization.k8s.io/v1/SelfSubjectRulesReview",
    ];

    private static readonly HashSet<string> ListTypes = ["atomic", "set", "map"];

    private static readonly HashSet<string> MapTypes = ["atomic", "granular"];

    private static readonly HashSet<string> PatchStrategies = ["merge", "retainKeys", "merge,retainKeys", "replace"];

    private static IEnumerable<Type> ModelTypes() =>
        typeof(ObjectMeta).Assembly.GetExportedTypes()
            .Where(t => t.IsClass && t.Namespace is { } ns && ns.StartsWith("Kubelike.Api.", StringComparison.Ordinal)
                && ns != "Kubelike.Api.Schema" && ns != "Kubelike.Api.Primitives");

    private static IEnumerable<(Type Type, KubernetesKindAttribute Kind)> Kinds() =>
        ModelTypes().Select(t => (t, t.GetCustomAttribute<KubernetesKindAttribute>()!)).Where(k => k.Item2 is not null);

    private static bool IsList(Type t) =>
        t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IKubernetesList<>));

    [Test]
    public void AllExpectedKindsExist()
    {
        var kinds = Kinds().Select(k => k.Kind.ApiVersion + "/" + k.Kind.Kind).ToHashSet();

        Assert.That(ExpectedKinds.Where(k => !kinds.Contains(k)), Is.Empty);
        Assert.That(kinds, Has.Count.GreaterThanOrEqualTo((ExpectedKinds.Length * 2) - UnlistedKinds.Count));
    }

    [Test]
    public void EveryKindHasObjectMetaAndAListKind()
    {
        var kinds = Kinds().ToList();
        var byName = kinds.ToDictionary(k => k.Kind.ApiVersion + "/" + k.Kind.Kind, k => k.Type);
        var problems = new List<string>();
        foreach (var (type, kind) in kinds)
        {
            var key = kind.ApiVersion + "/" + kind.Kind;
            if (kind.Kind != type.Name)
            {
                problems.Add($"{type.FullName}: kind {kind.Kind} differs from the type name");
            }

            if (!type.Namespace!.EndsWith("." + kind.Version.ToUpperInvariant(), StringComparison.Ordinal))
            {
                problems.Add($"{type.FullName}: version {kind.Version} does not match the namespace");
            }

            var metadata = type.GetProperty("metadata", BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (IsList(type))
            {
                if (metadata?.PropertyType != typeof(ListMeta))
                {
                    problems.Add($"{key}: a list's metadata must be ListMeta");
                }

                var itemType = type.GetProperty("Items")?.PropertyType.GetGenericArguments().Single();
                var itemKind = itemType?.GetCustomAttribute<KubernetesKindAttribute>();
                if (itemKind is null || itemKind.Kind + "List" != kind.Kind || itemKind.ApiVersion != kind.ApiVersion)
                {
                    problems.Add($"{key}: items must be the kind named {kind.Kind[..^4]} of the same group version");
                }

                continue;
            }

            if (!typeof(IKubernetesObject).IsAssignableFrom(type) || metadata?.PropertyType != typeof(ObjectMeta))
            {
                problems.Add($"{key}: metadata must be ObjectMeta");
            }

            var hasList = byName.TryGetValue(key + "List", out var listType) && IsList(listType);
            if (hasList == UnlistedKinds.Contains(key))
            {
                problems.Add(hasList ? $"{key} is listed as unlisted but has a list" : $"{key} has no list kind");
            }
        }

        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void EveryPropertyHasAJsonNameAndAUniqueProtoNumber()
    {
        var problems = new List<string>();
        var checkedProperties = 0;
        foreach (var type in ModelTypes())
        {
            var noProtobuf = type.GetCustomAttribute<NoProtobufAttribute>() is not null;
            var declared = type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);
            var numbers = new Dictionary<int, string>();
            foreach (var p in declared)
            {
                checkedProperties++;
                var json = p.GetCustomAttribute<JsonPropertyNameAttribute>();
                if (json is null)
                {
                    problems.Add($"{type.FullName}.{p.Name}: no JsonPropertyName");
                    continue;
                }

                if (!string.Equals(json.Name, p.Name, StringComparison.OrdinalIgnoreCase) && p.Name != type.Name + "Value")
                {
                    problems.Add($"{type.FullName}.{p.Name}: JSON name {json.Name} does not match the property");
                }

                var proto = p.GetCustomAttribute<ProtoFieldAttribute>();
                var typeMeta = typeof(ITypeMeta).IsAssignableFrom(type) && json.Name is "apiVersion" or "kind";
                if (noProtobuf || typeMeta)
                {
                    if (proto is not null)
                    {
                        problems.Add($"{type.FullName}.{p.Name}: has a proto number but is not in a protobuf message");
                    }
                }
                else if (proto is null)
                {
                    problems.Add($"{type.FullName}.{p.Name}: no ProtoField");
                }
                else if (proto.Number <= 0 || !numbers.TryAdd(proto.Number, p.Name))
                {
                    problems.Add($"{type.FullName}.{p.Name}: proto number {proto.Number} is invalid or also used by {numbers.GetValueOrDefault(proto.Number)}");
                }

                if (Nullable.GetUnderlyingType(p.PropertyType) is null && p.PropertyType.IsValueType)
                {
                    problems.Add($"{type.FullName}.{p.Name}: value-typed property is not nullable");
                }
            }

            // With inline embedding (inheritance) the JSON names of the whole type must still be unique.
            var allNames = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name).ToList();
            if (allNames.Distinct().Count() != allNames.Count)
            {
                problems.Add($"{type.FullName}: duplicate JSON names");
            }

            if (type.BaseType != typeof(object) && type.GetCustomAttribute<ProtoEmbeddedBaseAttribute>() is not { } embedded)
            {
                problems.Add($"{type.FullName}: derives from {type.BaseType!.Name} without ProtoEmbeddedBase");
            }
            else if (type.GetCustomAttribute<ProtoEmbeddedBaseAttribute>() is { } e && numbers.ContainsKey(e.Number))
            {
                problems.Add($"{type.FullName}: embedded base number {e.Number} clashes with a field");
            }
        }

        Assert.That(problems, Is.Empty);
        Assert.That(checkedProperties, Is.GreaterThan(1500));
    }

    [Test]
    public void PatchAndListMetadataIsConsistent()
    {
        var problems = new List<string>();
        foreach (var p in ModelTypes().SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)))
        {
            var where = $"{p.DeclaringType!.FullName}.{p.Name}";
            var strategy = p.GetCustomAttribute<PatchStrategyAttribute>();
            var mergeKey = p.GetCustomAttribute<PatchMergeKeyAttribute>();
            var listType = p.GetCustomAttribute<ListTypeAttribute>();
            var mapKeys = p.GetCustomAttribute<ListMapKeysAttribute>();
            var mapType = p.GetCustomAttribute<MapTypeAttribute>();
            var isList = p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(IList<>);
            if (strategy is not null && !PatchStrategies.Contains(strategy.Strategy))
            {
                problems.Add($"{where}: unknown patch strategy {strategy.Strategy}");
            }

            if (mergeKey is not null && (strategy is null || !strategy.Strategy.Contains("merge", StringComparison.Ordinal) || !isList))
            {
                problems.Add($"{where}: a merge key needs a list with the merge strategy");
            }

            if (listType is not null && (!ListTypes.Contains(listType.Type) || !isList))
            {
                problems.Add($"{where}: bad list type {listType.Type}");
            }

            if ((mapKeys is not null) != (listType?.Type == "map"))
            {
                problems.Add($"{where}: list map keys go with listType=map and only with it");
            }

            if (mapKeys is not null)
            {
                var item = p.PropertyType.GetGenericArguments()[0];
                var names = item.GetProperties().Select(ip => ip.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name).ToHashSet();
                problems.AddRange(mapKeys.Keys.Where(k => !names.Contains(k)).Select(k => $"{where}: map key {k} is not a field of {item.Name}"));
            }

            if (mapType is not null && !MapTypes.Contains(mapType.Type))
            {
                problems.Add($"{where}: bad map type {mapType.Type}");
            }
        }

        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void SpotChecksAgainstTheApiReference()
    {
        var containers = typeof(PodSpec).GetProperty(nameof(PodSpec.Containers))!;
        Assert.That(containers.GetCustomAttribute<ProtoFieldAttribute>()!.Number, Is.EqualTo(2));
        Assert.That(containers.GetCustomAttribute<PatchStrategyAttribute>()!.Strategy, Is.EqualTo("merge"));
        Assert.That(containers.GetCustomAttribute<PatchMergeKeyAttribute>()!.Key, Is.EqualTo("name"));
        Assert.That(containers.GetCustomAttribute<RequiredAttribute>(), Is.Not.Null);

        var ports = typeof(Container).GetProperty(nameof(Container.Ports))!;
        Assert.That(ports.GetCustomAttribute<ListMapKeysAttribute>()!.Keys, Is.EqualTo(new[] { "containerPort", "protocol" }));
        Assert.That(ports.GetCustomAttribute<PatchMergeKeyAttribute>()!.Key, Is.EqualTo("containerPort"));

        var volumes = typeof(PodSpec).GetProperty(nameof(PodSpec.Volumes))!;
        Assert.That(volumes.GetCustomAttribute<PatchStrategyAttribute>()!.Strategy, Is.EqualTo("merge,retainKeys"));

        Assert.That(typeof(Volume).BaseType, Is.EqualTo(typeof(VolumeSource)));
        Assert.That(typeof(Volume).GetCustomAttribute<ProtoEmbeddedBaseAttribute>()!.Number, Is.EqualTo(2));
        Assert.That(typeof(Probe).BaseType, Is.EqualTo(typeof(ProbeHandler)));

        Assert.That(typeof(ObjectMeta).GetProperties().Where(p => p.GetCustomAttribute<RequiredAttribute>() is not null), Is.Empty);
        Assert.That(typeof(ObjectMeta).GetProperty(nameof(ObjectMeta.Labels))!.GetCustomAttribute<ProtoFieldAttribute>()!.Number, Is.EqualTo(11));
        Assert.That(typeof(Table).GetCustomAttribute<NoProtobufAttribute>(), Is.Not.Null);
        Assert.That(typeof(LabelSelector).GetCustomAttribute<StructTypeAttribute>()!.Type, Is.EqualTo("atomic"));
        Assert.That(typeof(APIResource).GetProperty(nameof(APIResource.Verbs))!.GetCustomAttribute<ProtoWrappedListAttribute>(), Is.Not.Null);

        var restart = typeof(PodSpec).GetProperty(nameof(PodSpec.RestartPolicy))!;
        Assert.That(restart.GetCustomAttribute<EnumValuesAttribute>()!.Values, Is.EquivalentTo(new[] { "Always", "OnFailure", "Never" }));
        Assert.That(restart.GetCustomAttribute<Kubelike.Api.Schema.DescriptionAttribute>()!.Text, Does.StartWith("Restart policy for all containers within the pod."));
    }
}
