using System.Text;
using Kubelike.Compatibility.Tests.Harness;
using Kubelike.Compatibility.Tests.TestSupport;

namespace Kubelike.Compatibility.Tests.Http;

/// <summary>
/// Seeded random garbage thrown at the API: malformed bodies, selectors, query values and paths. Every one of them
/// must be refused with a 4xx and a Status body (never a 5xx, never a dropped connection), and the server must
/// still be ready afterwards.
/// </summary>
[TestFixture]
public sealed class ApiFuzzTests : ServerFixture
{
    private const int Seed = 20251122;
    private const int Count = 200;

    [Test]
    public async Task MalformedRequestsAreRefusedWithAStatusAndTheServerStaysReady()
    {
        var ns = await Server.HttpClient.CreateNamespaceAsync(UniqueNames.Of("fuzz"));
        await Server.HttpClient.CreateConfigMapAsync(ns, "target");
        var random = new Random(Seed);
        var generators = new Func<Random, string, FuzzRequest>[] { MalformedBody, BadLabelSelector, BadQueryValue, UnknownPath };
        var failures = new List<string>();

        for (var i = 0; i < Count; i++)
        {
            var request = generators[i % generators.Length](random, ns);
            ApiResponse response;
            try
            {
                response = await Server.HttpClient.SendApiAsync(request.Method, request.Path, request.Body);
            }
            catch (HttpRequestException exception)
            {
                failures.Add($"#{i} {request}: no answer ({exception.Message})");
                continue;
            }

            if (response.Code is < 400 or >= 500 || !response.IsStatusBody)
            {
                failures.Add($"#{i} {request}: {response}");
            }
        }

        using var readyz = await Server.HttpClient.GetAsync(new Uri("/readyz", UriKind.Relative));
        var ready = await readyz.Content.ReadAsStringAsync();
        Assert.That(failures, Is.Empty, $"seed {Seed}: {failures.Count} of {Count} requests were not a 4xx Status");
        Assert.That(ready, Is.EqualTo("ok"));
        Assert.That(await Server.HttpClient.GetObjectOrNullAsync($"/api/v1/namespaces/{ns}/configmaps/target"), Is.Not.Null, "the existing object survived");
    }

    /// <summary>A POST of a body that cannot be a ConfigMap: cut-off JSON, random bytes, or a non-object.</summary>
    private static FuzzRequest MalformedBody(Random random, string ns)
    {
        var valid = $$$"""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"fuzz-{{{random.Next(1000)}}}","labels":{"a":"b"}},"data":{"k":"v"}}""";
        var body = random.Next(4) switch
        {
            // Cut inside the document: never complete JSON.
            0 => valid[..random.Next(1, valid.Length - 1)],
            1 => RandomText(random, random.Next(1, 200), "{}[]\":,0123456789abc\\ \n\t-+.eE" + (char)0x7f),
            2 => random.Next(5) switch
            {
                0 => "[" + valid + "]",
                1 => random.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
                2 => "\"" + RandomText(random, 10, "abc") + "\"",
                3 => new string('[', random.Next(1, 2000)),
                _ => "true",
            },
            _ => valid.Replace("\"metadata\":{", "\"metadata\":" + random.Next(3) switch { 0 => "[", 1 => "\"x\",\"y\":{", _ => "{{" }, StringComparison.Ordinal),
        };
        return new FuzzRequest(HttpMethod.Post, $"/api/v1/namespaces/{ns}/configmaps", body);
    }

    /// <summary>A list with a label selector that is certainly malformed: a random stem spoiled by an operator without operands, an open set, or a bad character.</summary>
    private static FuzzRequest BadLabelSelector(Random random, string ns)
    {
        var key = RandomText(random, random.Next(1, 10), "abcdefghijklmnopqrstuvwxyz");
        var selector = random.Next(6) switch
        {
            0 => $"{key} in ({RandomText(random, 3, "xyz")}",
            1 => $"={key}",
            2 => $"{key}==={RandomText(random, 3, "xyz")}",
            3 => $"{key} notin",
            4 => $"{key}=a,,{key}",
            _ => $"{key}{RandomText(random, 1, "#%^&*;|")}=v",
        };
        var watch = random.Next(3) == 0 ? "watch=true&timeoutSeconds=1&" : "";
        return new FuzzRequest(HttpMethod.Get, $"/api/v1/namespaces/{ns}/configmaps?{watch}labelSelector={Uri.EscapeDataString(selector)}", null);
    }

    /// <summary>A list, watch or delete with one query value of the wrong type or out of its set.</summary>
    private static FuzzRequest BadQueryValue(Random random, string ns)
    {
        var junk = RandomText(random, random.Next(1, 12), "abcxyz!@$*()~-");
        return random.Next(8) switch
        {
            0 => new(HttpMethod.Get, $"/api/v1/namespaces/{ns}/configmaps?limit={Uri.EscapeDataString(junk)}", null),
            1 => new(HttpMethod.Get, $"/api/v1/namespaces/{ns}/configmaps?resourceVersion={Uri.EscapeDataString(junk)}", null),
            2 => new(HttpMethod.Get, $"/api/v1/namespaces/{ns}/configmaps?continue={Uri.EscapeDataString(junk)}", null),
            3 => new(HttpMethod.Get, $"/api/v1/namespaces/{ns}/configmaps?resourceVersionMatch={Uri.EscapeDataString(junk)}", null),
            4 => new(HttpMethod.Get, $"/api/v1/namespaces/{ns}/configmaps?watch=true&timeoutSeconds=1&resourceVersion={Uri.EscapeDataString(junk)}", null),
            5 => new(HttpMethod.Get, $"/api/v1/namespaces/{ns}/configmaps?fieldSelector={Uri.EscapeDataString("metadata." + junk + "=x")}", null),
            6 => new(HttpMethod.Delete, $"/api/v1/namespaces/{ns}/configmaps/target?propagationPolicy={Uri.EscapeDataString(junk)}&dryRun=All", null),
            _ => new(HttpMethod.Get, $"/api/v1/namespaces/{ns}/configmaps?limit=-{random.Next(1, 1000)}", null),
        };
    }

    /// <summary>A GET of a path no resource has: junk group, version, resource, subresource, or a missing object with odd characters.</summary>
    private static FuzzRequest UnknownPath(Random random, string ns)
    {
        var junk = RandomSegment(random);
        var path = random.Next(6) switch
        {
            0 => $"/api/v1/{junk}",
            1 => $"/apis/{junk}/v1/{junk}",
            2 => $"/apis/apps/{junk}/deployments",
            3 => $"/api/v1/namespaces/{ns}/configmaps/target/{junk}",
            4 => $"/api/v1/namespaces/{ns}/configmaps/missing-{junk}",
            _ => $"/api/{junk}/{junk}/{junk}/{junk}/{junk}/{junk}",
        };
        return new FuzzRequest(HttpMethod.Get, path, null);
    }

    private static string RandomSegment(Random random)
    {
        var text = new StringBuilder("z");
        var length = random.Next(1, 30);
        for (var i = 0; i < length; i++)
        {
            text.Append(random.Next(4) == 0
                ? $"%{random.Next(1, 256):X2}"
                : RandomText(random, 1, "abcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@"));
        }

        return text.ToString();
    }

    private static string RandomText(Random random, int length, string alphabet) =>
        string.Create(length, (random, alphabet), (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = state.alphabet[state.random.Next(state.alphabet.Length)];
            }
        });

    private sealed record FuzzRequest(HttpMethod Method, string Path, string? Body)
    {
        public override string ToString() => $"{Method} {Path}{(Body is null ? "" : $" body {(Body.Length > 200 ? Body[..200] + "…" : Body)}")}";
    }
}
