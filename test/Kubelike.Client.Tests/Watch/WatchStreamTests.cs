using Kubelike.Api.Core.V1;
using Kubelike.Client.Rest;
using Kubelike.Client.Watch;

namespace Kubelike.Client.Tests.Watch;

/// <summary>Event lines as servers send them, including the ones a short test cannot provoke (bookmarks come once a minute).</summary>
public sealed class WatchStreamTests
{
    [Test]
    public void A_bookmark_carries_the_resourceVersion_to_resume_from()
    {
        var e = WatchStream.Parse<ConfigMap>("""{"type":"BOOKMARK","object":{"kind":"ConfigMap","apiVersion":"v1","metadata":{"resourceVersion":"150"}}}""");

        Assert.Multiple(() =>
        {
            Assert.That(e.Type, Is.EqualTo(WatchEventType.Bookmark));
            Assert.That(e.ResourceVersion, Is.EqualTo("150"));
        });
    }

    [Test]
    public void An_expired_ERROR_event_is_the_typed_expired_signal()
    {
        const string Line = """{"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"too old resource version: 5 (120)","reason":"Expired","code":410}}""";

        var error = Assert.Throws<ResourceVersionExpiredException>(() => WatchStream.Parse<ConfigMap>(Line));

        Assert.Multiple(() =>
        {
            Assert.That(error!.IsGone, Is.True);
            Assert.That(error.Status.Message, Is.EqualTo("too old resource version: 5 (120)"));
        });
    }

    [Test]
    public void Other_ERROR_events_carry_their_Status()
    {
        const string Line = """{"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","status":"Failure","message":"boom","reason":"InternalError","code":500}}""";

        var error = Assert.Throws<KubernetesApiException>(() => WatchStream.Parse<ConfigMap>(Line));

        Assert.Multiple(() =>
        {
            Assert.That(error, Is.Not.InstanceOf<ResourceVersionExpiredException>());
            Assert.That(error!.Code, Is.EqualTo(500));
            Assert.That(error.Reason, Is.EqualTo("InternalError"));
        });
    }
}
