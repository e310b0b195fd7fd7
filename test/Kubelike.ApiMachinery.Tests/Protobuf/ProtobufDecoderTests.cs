using System.Text;
using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Errors;
using Kubelike.ApiMachinery.Protobuf;

namespace Kubelike.ApiMachinery.Tests.Protobuf;

public class ProtobufDecoderTests
{
    [Test]
    public void ConfigMap_from_the_wire_protocol_example()
    {
        // Exactly the bytes of wire-protocol.md §3: raw = {1: ObjectMeta{1: "cm1"}, 2: {1: "a", 2: "b"}}.
        var body = ProtoTestWriter.Envelope("v1", "ConfigMap", m => m
            .Message(1, meta => meta.String(1, "cm1"))
            .MapEntry(2, "a", "b"));

        var json = ProtobufDecoder.Decode(body);

        Assert.That(json.ToJsonString(), Is.EqualTo("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cm1"},"data":{"a":"b"}}"""));
    }

    [Test]
    public void ConfigMap_literal_bytes_decode()
    {
        byte[] body =
        [
            0x6b, 0x38, 0x73, 0x00,
            0x0a, 0x0f, 0x0a, 0x02, (byte)'v', (byte)'1', 0x12, 0x09, .. "ConfigMap"u8,
            0x12, 0x0e, 0x0a, 0x05, 0x0a, 0x03, .. "cm1"u8, 0x12, 0x05, 0x0a, 0x01, (byte)'a', 0x12, 0x00,
            0x1a, 0x00, 0x22, 0x00,
        ];

        var json = ProtobufDecoder.Decode(body);

        // A present empty string is kept (proto2: absent differs from empty).
        Assert.That(json.ToJsonString(), Is.EqualTo("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cm1"},"data":{"a":""}}"""));
    }

    [Test]
    public void Secret_bytes_data_is_base64_and_type_is_a_string()
    {
        var body = ProtoTestWriter.Envelope("v1", "Secret", m => m
            .Message(1, meta => meta.String(1, "s1").String(3, "default"))
            .Message(2, e => e.String(1, "password").Bytes(2, [0x00, 0xff, 0x41]))
            .String(3, "Opaque"));

        var json = ProtobufDecoder.Decode(body);

        Assert.That(json["metadata"]!["namespace"]!.GetValue<string>(), Is.EqualTo("default"));
        Assert.That(json["data"]!["password"]!.GetValue<string>(), Is.EqualTo(Convert.ToBase64String(new byte[] { 0x00, 0xff, 0x41 })));
        Assert.That(json["type"]!.GetValue<string>(), Is.EqualTo("Opaque"));
        Assert.That(json.ContainsKey("immutable"), Is.False);
    }

    [Test]
    public void Namespace_with_labels()
    {
        var body = ProtoTestWriter.Envelope("v1", "Namespace", m => m
            .Message(1, meta => meta.String(1, "team-a").MapEntry(11, "env", "prod")));

        var json = ProtobufDecoder.Decode(body);

        Assert.That(json.ToJsonString(), Is.EqualTo("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"team-a","labels":{"env":"prod"}}}"""));
    }

    [Test]
    public void Deployment_as_kubectl_create_deployment_sends_it()
    {
        var body = ProtoTestWriter.Envelope("apps/v1", "Deployment", m => m
            .Message(1, meta => meta.String(1, "web").MapEntry(11, "app", "web"))
            .Message(2, spec => spec
                .Varint(1, 3)
                .Message(2, selector => selector.MapEntry(1, "app", "web"))
                .Message(3, template => template
                    .Message(1, meta => meta.MapEntry(11, "app", "web"))
                    .Message(2, pod => pod
                        .Message(2, container => container
                            .String(1, "nginx")
                            .String(2, "nginx:1.27")
                            .Message(6, port => port.Varint(3, 80).String(4, "TCP"))
                            .Message(8, resources => resources
                                .Message(1, limit => limit.String(1, "cpu").Message(2, q => q.String(1, "100m")))))))
                .Message(4, strategy => strategy
                    .String(1, "RollingUpdate")
                    .Message(2, rolling => rolling
                        .Message(1, maxUnavailable => maxUnavailable.Varint(1, 0).Varint(2, 1))
                        .Message(2, maxSurge => maxSurge.Varint(1, 1).String(3, "25%"))))));

        var json = ProtobufDecoder.Decode(body);

        var expected = JsonNode.Parse("""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},
             "spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},
               "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.27",
                 "ports":[{"containerPort":80,"protocol":"TCP"}],"resources":{"limits":{"cpu":"100m"}}}]}},
               "strategy":{"type":"RollingUpdate","rollingUpdate":{"maxUnavailable":1,"maxSurge":"25%"}}}}
            """);
        Assert.That(JsonNode.DeepEquals(json, expected), Is.True, json.ToJsonString());
    }

    [Test]
    public void CreationTimestamp_is_rfc3339_seconds()
    {
        var body = ProtoTestWriter.Envelope("v1", "ConfigMap", m => m
            .Message(1, meta => meta.String(1, "cm1").Message(8, t => t.Int64(1, 1_700_000_000).Varint(2, 123_456_789))));

        var json = ProtobufDecoder.Decode(body);

        Assert.That(json["metadata"]!["creationTimestamp"]!.GetValue<string>(), Is.EqualTo("2023-11-14T22:13:20Z"));
    }

    [Test]
    public void MicroTime_keeps_six_fraction_digits()
    {
        // Lease spec {3 acquireTime MicroTime}.
        var body = ProtoTestWriter.Envelope("coordination.k8s.io/v1", "Lease", m => m
            .Message(2, spec => spec.Message(3, t => t.Int64(1, 1_700_000_000).Varint(2, 123_456_789))));

        var json = ProtobufDecoder.Decode(body);

        Assert.That(json["spec"]!["acquireTime"]!.GetValue<string>(), Is.EqualTo("2023-11-14T22:13:20.123456Z"));
    }

    [Test]
    public void Embedded_base_messages_are_inline_and_packed_scalars_are_arrays()
    {
        // Pod spec {1 volumes: Volume{1 name, 2 VolumeSource{19 configMap{1 LocalObjectReference{1 name}, 3 defaultMode}}},
        // 14 securityContext{4 supplementalGroups packed}}.
        var body = ProtoTestWriter.Envelope("v1", "Pod", m => m
            .Message(2, spec => spec
                .Message(1, volume => volume
                    .String(1, "config")
                    .Message(2, source => source
                        .Message(19, cm => cm.Message(1, reference => reference.String(1, "cm1")).Varint(3, 420))))
                .Message(14, security => security.Message(4, packed => packed.RawVarint(1000).RawVarint(2000)))
                .Message(14, security => security.Varint(4, 3000))));

        var json = ProtobufDecoder.Decode(body);

        var expected = JsonNode.Parse("""
            {"apiVersion":"v1","kind":"Pod","spec":{"volumes":[{"name":"config","configMap":{"name":"cm1","defaultMode":420}}],
             "securityContext":{"supplementalGroups":[1000,2000,3000]}}}
            """);
        Assert.That(JsonNode.DeepEquals(json, expected), Is.True, json.ToJsonString());
    }

    [Test]
    public void Unknown_fields_are_skipped()
    {
        var body = ProtoTestWriter.Envelope("v1", "ConfigMap", m => m
            .Message(1, meta => meta.String(1, "cm1").Varint(999, 7))
            .Message(77, x => x.String(1, "ignored")));

        var json = ProtobufDecoder.Decode(body);

        Assert.That(json.ToJsonString(), Is.EqualTo("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cm1"}}"""));
    }

    [Test]
    public void ManagedFields_fieldsV1_raw_bytes_are_parsed_json()
    {
        var body = ProtoTestWriter.Envelope("v1", "ConfigMap", m => m
            .Message(1, meta => meta.Message(17, entry => entry
                .String(1, "kubectl")
                .Message(7, fields => fields.Bytes(1, Encoding.UTF8.GetBytes("""{"f:data":{"f:a":{}}}"""))))));

        var json = ProtobufDecoder.Decode(body);

        Assert.That(json["metadata"]!["managedFields"]![0]!["fieldsV1"]!.ToJsonString(), Is.EqualTo("""{"f:data":{"f:a":{}}}"""));
    }

    private static IEnumerable<TestCaseData> Malformed()
    {
        yield return new TestCaseData((object)"{}"u8.ToArray()).SetName("bad magic");
        yield return new TestCaseData((object)new byte[] { 0x6b, 0x38, 0x73 }).SetName("short magic");
        yield return new TestCaseData((object)new byte[] { 0x6b, 0x38, 0x73, 0x00, 0x08, 0x80 }).SetName("truncated varint");
        yield return new TestCaseData((object)new byte[] { 0x6b, 0x38, 0x73, 0x00, 0x12, 0x7f, 0x0a }).SetName("length beyond the end");
        yield return new TestCaseData((object)new byte[] { 0x6b, 0x38, 0x73, 0x00, 0x12, 0xff, 0xff, 0xff, 0xff, 0x0f }).SetName("huge length");
        yield return new TestCaseData((object)new byte[] { 0x6b, 0x38, 0x73, 0x00, 0x0b }).SetName("group wire type");
        yield return new TestCaseData((object)new byte[] { 0x6b, 0x38, 0x73, 0x00 }).SetName("no kind");
        yield return new TestCaseData((object)ProtoTestWriter.Envelope("v1", "Frobnicator", _ => { })).SetName("unknown kind");
        yield return new TestCaseData((object)ProtoTestWriter.Envelope("v1", "ConfigMap", m => m.Varint(1, 5))).SetName("wrong wire type");
        yield return new TestCaseData((object)ProtoTestWriter.Envelope("v1", "ConfigMap", m => m.Message(1, meta => meta.Message(8, t => t.Int64(1, long.MaxValue)))))
            .SetName("time out of range");
        yield return new TestCaseData((object)ProtoTestWriter.Envelope("v1", "ConfigMap", m => m.Message(1, meta => meta.Message(17, e => e.Message(7, f => f.String(1, "{not json"))))))
            .SetName("raw that is not json");
        yield return new TestCaseData((object)ProtoTestWriter.Envelope("apps/v1", "Deployment", m => m.Message(2, s => s.Message(4, st => st.Message(2, r => r.Message(2, i => i.Varint(1, 7)))))))
            .SetName("unknown IntOrString type");
    }

    [TestCaseSource(nameof(Malformed))]
    public void Malformed_input_is_a_bad_request(byte[] body)
    {
        var e = Assert.Throws<ApiException>(() => ProtobufDecoder.Decode(body));
        Assert.That(e!.Code, Is.EqualTo(400));
    }

    [Test]
    public void Deep_nesting_is_a_bad_request()
    {
        // RawExtension bodies may nest protobuf envelopes; 200 levels must stop at the depth limit, not the stack.
        Action<ProtoTestWriter> inner = _ => { };
        for (var i = 0; i < 200; i++)
        {
            var previous = ProtoTestWriter.Envelope("apps/v1", "ControllerRevision", inner);
            inner = m => m.Message(2, data => data.Bytes(1, previous));
        }

        var body = ProtoTestWriter.Envelope("apps/v1", "ControllerRevision", inner);

        var e = Assert.Throws<ApiException>(() => ProtobufDecoder.Decode(body));
        Assert.That(e!.Code, Is.EqualTo(400));
    }

    [Test]
    public void Random_bytes_after_the_magic_never_throw_anything_but_bad_request()
    {
        var random = new Random(42);
        for (var i = 0; i < 2000; i++)
        {
            var body = ProtoTestWriter.Envelope("apps/v1", "Deployment", _ => { });
            var tail = new byte[random.Next(1, 64)];
            random.NextBytes(tail);
            // Keep the envelope, replace the object with noise.
            byte[] noisy = [.. body, 0x12, (byte)tail.Length, .. tail];
            try
            {
                ProtobufDecoder.Decode(noisy);
            }
            catch (ApiException e)
            {
                Assert.That(e.Code, Is.EqualTo(400));
            }
        }
    }
}
