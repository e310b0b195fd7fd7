using System.Globalization;
using System.Text.Json.Nodes;

namespace Kubelike.Testing.Generators;

/// <summary>One generated object and where it lives in the API.</summary>
public sealed record GeneratedObject(string Kind, string ApiVersion, string Plural, JsonObject Manifest)
{
    public string Name => (string)Manifest["metadata"]!["name"]!;

    /// <summary>The object's URL path in namespace <paramref name="ns"/>.</summary>
    public string Path(string ns) =>
        $"/{(ApiVersion.Contains('/', StringComparison.Ordinal) ? "apis" : "api")}/{ApiVersion}/namespaces/{ns}/{Plural}/{Name}";
}

/// <summary>
/// Seeded random, valid manifests of several kinds (ConfigMap, Secret, Service, Pod, Deployment, StatefulSet,
/// DaemonSet) with random labels, annotations, containers, ports, env and resources, for property tests. Some
/// fields are left for the server to default (a port's protocol, a container's imagePullPolicy) so that defaulted
/// parts of merge keys are exercised. Every object sets at least one field besides its name (an apply that owns no
/// field leaves an object untracked, which upstream treats specially).
/// </summary>
public sealed class RandomManifests(int seed)
{
    public static IReadOnlyList<string> Kinds { get; } = ["ConfigMap", "Secret", "Service", "Pod", "Deployment", "StatefulSet", "DaemonSet"];

    private static readonly string[] LabelKeys = ["tier", "example.com/team", "release", "track", "version", "app.kubernetes.io/part-of"];
    private static readonly string[] LabelValues = ["a", "web", "v1", "canary", "x-1", "front.end", "Z9"];
    private static readonly string[] AnnotationKeys = ["note", "example.com/owner", "checksum/config", "description", "kubelike.test/empty"];
    private static readonly string[] AnnotationValues = ["", "hello world", "{\"json\":true}", "line one\nline two", "ünïcode ✓", "42"];
    private static readonly string[] Images = ["nginx:1.27", "busybox:1.36", "app@sha256:" + new string('a', 64), "redis"];
    private static readonly string[] Quantities = ["100m", "0.5", "1", "64Mi", "1Gi", "500M", "2"];
    private static readonly string[] Words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"];

    private readonly Random _random = new(seed);

    /// <summary>An object of a random kind named <paramref name="name"/>.</summary>
    public GeneratedObject Next(string name) => Next(Kinds[_random.Next(Kinds.Count)], name);

    public GeneratedObject Next(string kind, string name) => kind switch
    {
        "ConfigMap" => new(kind, "v1", "configmaps", ConfigMap(name)),
        "Secret" => new(kind, "v1", "secrets", Secret(name)),
        "Service" => new(kind, "v1", "services", Service(name)),
        "Pod" => new(kind, "v1", "pods", NewObject("v1", kind, name, PodSpec())),
        "Deployment" => new(kind, "apps/v1", "deployments", Workload(kind, name)),
        "StatefulSet" => new(kind, "apps/v1", "statefulsets", Workload(kind, name)),
        "DaemonSet" => new(kind, "apps/v1", "daemonsets", Workload(kind, name)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a kind this generator makes"),
    };

    /// <summary>A deep copy of <paramref name="node"/> with the properties of every object in a random order (lists keep theirs).</summary>
    public JsonNode ShuffleKeys(JsonNode node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(_ => _random.Next()).Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : ShuffleKeys(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(item => item is null ? null : ShuffleKeys(item))]),
        _ => node.DeepClone(),
    };

    private JsonObject NewObject(string apiVersion, string kind, string name, JsonObject? spec, IReadOnlyDictionary<string, string>? fixedLabels = null)
    {
        var metadata = new JsonObject { ["name"] = name };
        var labels = Map(LabelKeys, LabelValues, _random.Next(4));
        foreach (var (key, value) in fixedLabels ?? new Dictionary<string, string>())
            labels[key] = value;
        if (labels.Count > 0)
            metadata["labels"] = labels;
        if (Map(AnnotationKeys, AnnotationValues, _random.Next(4)) is { Count: > 0 } annotations)
            metadata["annotations"] = annotations;
        var obj = new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind, ["metadata"] = metadata };
        if (spec is not null)
            obj["spec"] = spec;
        return obj;
    }

    private JsonObject ConfigMap(string name)
    {
        var obj = NewObject("v1", "ConfigMap", name, null);
        var data = new JsonObject();
        foreach (var key in Pick(Words, _random.Next(1, 5)))
            data[key + ".conf"] = string.Join(' ', Pick(Words, _random.Next(1, 4)));
        if (data.Count > 0)
            obj["data"] = data;
        return obj;
    }

    private JsonObject Secret(string name)
    {
        var obj = NewObject("v1", "Secret", name, null);
        if (_random.Next(2) == 0)
            obj["type"] = "Opaque";
        var data = new JsonObject();
        foreach (var key in Pick(Words, _random.Next(1, 4)))
            data[key] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(key + "-" + _random.Next(1000).ToString(CultureInfo.InvariantCulture)));
        if (data.Count > 0)
            obj["data"] = data;
        return obj;
    }

    private JsonObject Service(string name)
    {
        var ports = new JsonArray();
        var count = _random.Next(1, 4);
        foreach (var port in Distinct(count, 1, 65535))
        {
            var entry = new JsonObject();
            if (count > 1 || _random.Next(2) == 0)
                entry["name"] = "p" + port.ToString(CultureInfo.InvariantCulture);
            entry["port"] = port;
            switch (_random.Next(3))
            {
                case 0:
                    entry["targetPort"] = _random.Next(1, 65536);
                    break;
                case 1:
                    entry["targetPort"] = "http";
                    break;
            }
            if (_random.Next(2) == 0)
                entry["protocol"] = _random.Next(2) == 0 ? "TCP" : "UDP";
            ports.Add(entry);
        }
        var spec = new JsonObject { ["selector"] = new JsonObject { ["app"] = name }, ["ports"] = ports };
        if (_random.Next(2) == 0)
            spec["type"] = "ClusterIP";
        return NewObject("v1", "Service", name, spec);
    }

    private JsonObject Workload(string kind, string name)
    {
        var podLabels = new Dictionary<string, string> { ["app"] = name };
        var templateLabels = Map(LabelKeys, LabelValues, _random.Next(3));
        templateLabels["app"] = name;
        var template = new JsonObject
        {
            ["metadata"] = new JsonObject { ["labels"] = templateLabels },
            ["spec"] = PodSpec(),
        };
        var spec = new JsonObject { ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = name } }, ["template"] = template };
        if (kind != "DaemonSet" && _random.Next(3) > 0)
            spec["replicas"] = _random.Next(0, 6);
        if (kind == "StatefulSet")
            spec["serviceName"] = name;
        if (kind == "Deployment" && _random.Next(3) == 0)
            spec["strategy"] = new JsonObject { ["type"] = "Recreate" };
        if (_random.Next(3) == 0)
            spec["minReadySeconds"] = _random.Next(0, 30);
        return NewObject("apps/v1", kind, name, spec, podLabels);
    }

    private JsonObject PodSpec()
    {
        var containers = new JsonArray();
        foreach (var containerName in Pick(Words, _random.Next(1, 4)))
        {
            var container = new JsonObject { ["name"] = containerName, ["image"] = Images[_random.Next(Images.Length)] };
            if (_random.Next(3) == 0)
                container["imagePullPolicy"] = "Always";
            if (_random.Next(3) == 0)
                container["args"] = new JsonArray([.. Pick(Words, _random.Next(1, 3)).Select(w => (JsonNode?)JsonValue.Create("--" + w))]);
            var ports = new JsonArray();
            foreach (var port in Distinct(_random.Next(4), 1, 65535))
            {
                var entry = new JsonObject { ["containerPort"] = port };
                if (_random.Next(2) == 0)
                    entry["name"] = $"{containerName[..2]}{port.ToString(CultureInfo.InvariantCulture)}";
                if (_random.Next(2) == 0)
                    entry["protocol"] = _random.Next(2) == 0 ? "TCP" : "UDP";
                ports.Add(entry);
            }
            if (ports.Count > 0)
                container["ports"] = ports;
            var env = new JsonArray();
            foreach (var variable in Pick(Words, _random.Next(4)))
                env.Add(new JsonObject { ["name"] = variable.ToUpperInvariant(), ["value"] = _random.Next(100).ToString(CultureInfo.InvariantCulture) });
            if (env.Count > 0)
                container["env"] = env;
            if (_random.Next(2) == 0)
            {
                // The CPU quantities come in ascending order: a request may not exceed its limit.
                var limit = _random.Next(3);
                container["resources"] = new JsonObject
                {
                    ["limits"] = new JsonObject { ["cpu"] = Quantities[limit], ["memory"] = Quantities[3 + _random.Next(3)] },
                    ["requests"] = new JsonObject { ["cpu"] = Quantities[_random.Next(limit + 1)] },
                };
            }
            containers.Add(container);
        }
        var spec = new JsonObject { ["containers"] = containers };
        if (_random.Next(3) == 0)
            spec["terminationGracePeriodSeconds"] = _random.Next(0, 60);
        if (_random.Next(3) == 0)
            spec["nodeSelector"] = Map(LabelKeys, LabelValues, _random.Next(1, 3));
        return spec;
    }

    private JsonObject Map(string[] keys, string[] values, int count)
    {
        var map = new JsonObject();
        foreach (var key in Pick(keys, count))
            map[key] = values[_random.Next(values.Length)];
        return map;
    }

    /// <summary><paramref name="count"/> different items of <paramref name="pool"/> in a random order.</summary>
    private string[] Pick(string[] pool, int count) => pool.OrderBy(_ => _random.Next()).Take(Math.Min(count, pool.Length)).ToArray();

    private List<int> Distinct(int count, int min, int max)
    {
        var chosen = new List<int>();
        while (chosen.Count < count)
        {
            var value = _random.Next(min, max + 1);
            if (!chosen.Contains(value))
                chosen.Add(value);
        }
        return chosen;
    }
}
