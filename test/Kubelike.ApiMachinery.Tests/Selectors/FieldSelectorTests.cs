using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Errors;
using Kubelike.ApiMachinery.Registry;
using Kubelike.ApiMachinery.Selectors;

namespace Kubelike.ApiMachinery.Tests.Selectors;

public class FieldSelectorTests
{
    private static ResourceDefinition Resource(string group, string plural) => ResourceRegistry.BuiltIn.Find(group, "v1", plural)!;

    [TestCase("", "")]
    [TestCase("metadata.name=web", "metadata.name=web")]
    [TestCase("metadata.name==web", "metadata.name=web")]
    [TestCase("status.phase!=Running", "status.phase!=Running")]
    [TestCase("b=2,a=1", "a=1,b=2")]
    [TestCase("a=x\\,y", "a=x\\,y")]
    [TestCase("a=x\\=y\\\\z", "a=x\\=y\\\\z")]
    [TestCase("a=", "a=")]
    [TestCase("a=1,,b=2", "a=1,b=2")]
    public void Parses_and_prints(string selector, string canonical)
    {
        Assert.That(FieldSelector.Parse(selector).ToString(), Is.EqualTo(canonical));
    }

    [Test]
    public void Unescapes_values()
    {
        var r = FieldSelector.Parse("a=x\\,y\\=z\\\\").Requirements.Single();
        Assert.That((r.Field, r.Equal, r.Value), Is.EqualTo(("a", true, "x,y=z\\")));
        Assert.That(FieldSelector.Parse("a!=b").Requirements.Single().Equal, Is.False);
    }

    [TestCase("a", "invalid selector: 'a'; can't understand 'a'")]
    [TestCase("a=b,c", "invalid selector: 'a=b,c'; can't understand 'c'")]
    [TestCase("a=b=c", "invalid field selector: unescaped character in value: 61")]
    [TestCase("a=b\\,c=d", "invalid field selector: unescaped character in value: 61")]
    [TestCase("a=b\\x", "invalid field selector: invalid escape sequence: \\x")]
    [TestCase("a=b\\", "invalid field selector: invalid escape sequence: \\")]
    public void Rejects_with_upstreams_message(string selector, string message)
    {
        var e = Assert.Throws<ApiException>(() => FieldSelector.Parse(selector))!;
        Assert.That((e.Code, e.Reason, e.Message), Is.EqualTo((400, "BadRequest", message)));
    }

    [TestCase("", "pods", "spec.nodeName=n1,status.phase=Running,metadata.name=p,metadata.namespace=default")]
    [TestCase("", "pods", "spec.host=n1")]
    [TestCase("", "events", "involvedObject.name=x,involvedObject.kind=Pod,reason=Started,source=kubelet,type=Normal")]
    [TestCase("", "secrets", "type=Opaque")]
    [TestCase("", "nodes", "spec.unschedulable=false,metadata.name=n")]
    [TestCase("", "namespaces", "status.phase=Active")]
    [TestCase("", "replicationcontrollers", "status.replicas=1")]
    [TestCase("apps", "replicasets", "status.replicas=1")]
    [TestCase("batch", "jobs", "status.successful=1")]
    [TestCase("", "configmaps", "metadata.name=c,metadata.namespace=default")]
    [TestCase("events.k8s.io", "events", "regarding.name=x,reportingController=kubelet,source=kubelet,type=Normal,reason=Started")]
    public void Accepts_supported_fields(string group, string plural, string selector)
    {
        Assert.That(() => FieldSelector.Parse(selector, Resource(group, plural)), Throws.Nothing);
    }

    [TestCase("", "pods", "spec.foo=x", "field label not supported: spec.foo")]
    [TestCase("", "nodes", "metadata.namespace=x", "field label not supported: metadata.namespace")]
    [TestCase("", "secrets", "data.x=y", "field label not supported: data.x")]
    [TestCase("events.k8s.io", "events", "involvedObject.name=x", "field label not supported: involvedObject.name")]
    [TestCase("", "configmaps", "data.x=y", "\"data.x\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\"")]
    [TestCase("apps", "deployments", "spec.replicas=1", "\"spec.replicas\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\"")]
    public void Rejects_unsupported_fields(string group, string plural, string selector, string message)
    {
        var e = Assert.Throws<ApiException>(() => FieldSelector.Parse(selector, Resource(group, plural)))!;
        Assert.That((e.Code, e.Reason, e.Message), Is.EqualTo((400, "BadRequest", message)));
    }

    private static readonly JsonNode Pod = JsonNode.Parse("""
        {"metadata":{"name":"web-1","namespace":"default"},
         "spec":{"nodeName":"node1","hostNetwork":true,"restartPolicy":"Always"},
         "status":{"phase":"Running","podIPs":[{"ip":"10.0.0.1"}],"replicas":3}}
        """)!;

    [TestCase("metadata.name=web-1", true)]
    [TestCase("metadata.name=web-2", false)]
    [TestCase("metadata.name!=web-2", true)]
    [TestCase("metadata.namespace=default,status.phase=Running", true)]
    [TestCase("metadata.namespace=default,status.phase=Pending", false)]
    [TestCase("status.phase!=Succeeded,status.phase!=Failed", true)]
    [TestCase("spec.hostNetwork=true", true)]
    [TestCase("spec.hostNetwork=false", false)]
    [TestCase("spec.schedulerName=", true)]
    [TestCase("spec.nodeName=", false)]
    [TestCase("spec.nodeName!=", true)]
    [TestCase("status.replicas=3", true)]
    [TestCase("status.podIPs=10.0.0.1", false)]
    [TestCase("", true)]
    public void Matches_by_field_path(string selector, bool expected)
    {
        Assert.That(FieldSelector.Parse(selector).Matches(Pod), Is.EqualTo(expected));
    }

    [Test]
    public void Aliases_match_the_stored_fields()
    {
        var coreEvent = JsonNode.Parse("""{"metadata":{"name":"e"},"involvedObject":{"name":"web","kind":"Pod"},"source":{"component":"kubelet"},"reportingComponent":"kubelet"}""");
        var events = Resource("events.k8s.io", "events");
        Assert.That(FieldSelector.Parse("regarding.name=web,regarding.kind=Pod,reportingController=kubelet", events).Matches(coreEvent), Is.True);
        Assert.That(FieldSelector.Parse("regarding.name=db", events).Matches(coreEvent), Is.False);
        Assert.That(FieldSelector.Parse("source=kubelet", Resource("", "events")).Matches(coreEvent), Is.True);
        Assert.That(FieldSelector.Parse("source=kubelet", events).Matches(coreEvent), Is.True);
        Assert.That(FieldSelector.Parse("source=other", events).Matches(coreEvent), Is.False);
        var pod = Resource("", "pods");
        Assert.That(FieldSelector.Parse("spec.host=node1", pod).Matches(Pod), Is.True);
    }

    [Test]
    public void A_bare_comma_in_a_value_is_reported_by_its_code_point()
    {
        var e = Assert.Throws<ApiException>(() => FieldSelector.UnescapeValue("a,b"))!;
        Assert.That(e.Message, Is.EqualTo("invalid field selector: unescaped character in value: 44"));
    }

    [Test]
    public void Exact_match_for_a_field()
    {
        var selector = FieldSelector.Parse("metadata.name=web,status.phase!=Failed");
        Assert.That(selector.RequiresExactMatch("metadata.name"), Is.EqualTo("web"));
        Assert.That(selector.RequiresExactMatch("status.phase"), Is.Null);
    }

    [Test]
    public void Escape_round_trips()
    {
        const string value = "a,b=c\\d";
        var parsed = FieldSelector.Parse("x=" + FieldSelector.EscapeValue(value));
        Assert.That(parsed.Requirements.Single().Value, Is.EqualTo(value));
    }
}
