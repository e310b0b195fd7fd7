using System.Text.Encodings.Web;
using System.Text.Json;
using Kubelike.ApiMachinery.Errors;
using Kubelike.ApiMachinery.Registry;

namespace Kubelike.ApiMachinery.Tests.Errors;

public class ApiExceptionTests
{
    // Relaxed escaping writes quotes as \" the way Go's encoder does, so expectations read like kube-apiserver's bodies.
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Json(ApiException e) => e.ToJson().ToJsonString(Relaxed);

    [Test]
    public void Not_found_in_a_named_group()
    {
        var e = ApiException.NotFound("apps", "deployments", "web");
        Assert.That(Json(e), Is.EqualTo(
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"deployments.apps \"web\" not found","reason":"NotFound","details":{"name":"web","group":"apps","kind":"deployments"},"code":404}"""));
        Assert.That(e.Message, Is.EqualTo("deployments.apps \"web\" not found"));
        Assert.That(e.Code, Is.EqualTo(404));
    }

    [Test]
    public void Not_found_in_the_core_group_leaves_the_group_out()
    {
        var e = ApiException.NotFound(ResourceRegistry.BuiltIn.Find("", "v1", "pods")!, "x");
        Assert.That(Json(e), Is.EqualTo(
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods \"x\" not found","reason":"NotFound","details":{"name":"x","kind":"pods"},"code":404}"""));
    }

    [Test]
    public void Already_exists()
    {
        var e = ApiException.AlreadyExists("apps", "deployments", "web");
        Assert.That((e.Code, e.Reason, e.Message), Is.EqualTo((409, "AlreadyExists", "deployments.apps \"web\" already exists")));
    }

    [Test]
    public void Generate_name_conflict_asks_for_a_retry()
    {
        var e = ApiException.GenerateNameConflict("", "pods", "web-abcde");
        Assert.That(e.Message, Is.EqualTo("pods \"web-abcde\" already exists, the server was not able to generate a unique name for the object"));
        Assert.That(e.RetryAfterSeconds, Is.EqualTo(1));
    }

    [Test]
    public void Conflict_on_a_stale_resource_version()
    {
        var e = ApiException.Conflict("apps", "deployments", "web");
        Assert.That(Json(e), Is.EqualTo(
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Operation cannot be fulfilled on deployments.apps \"web\": the object has been modified; please apply your changes to the latest version and try again","reason":"Conflict","details":{"name":"web","group":"apps","kind":"deployments"},"code":409}"""));
    }

    [Test]
    public void Invalid_lists_every_error_and_carries_causes()
    {
        var e = ApiException.Invalid("apps", "Deployment", "x",
        [
            FieldError.Invalid("spec.replicas", -1L, "must be greater than or equal to 0"),
            FieldError.Required("spec.selector"),
            FieldError.Invalid("metadata.name", "Bad_Name", "a lowercase RFC 1123 subdomain"),
        ]);
        Assert.That(e.Message, Is.EqualTo(
            "Deployment.apps \"x\" is invalid: [spec.replicas: Invalid value: -1: must be greater than or equal to 0, spec.selector: Required value, metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain]"));
        Assert.That(Json(e), Does.Contain(
            """"
            "details":{"name":"x","group":"apps","kind":"Deployment","causes":[{"reason":"FieldValueInvalid","message":"Invalid value: -1: must be greater than or equal to 0","field":"spec.replicas"},{"reason":"FieldValueRequired","message":"Required value","field":"spec.selector"},
            """"));
        Assert.That(Json(e), Does.EndWith("\"code\":422}"));
        Assert.That(e.Reason, Is.EqualTo("Invalid"));
    }

    [Test]
    public void Invalid_with_one_error_has_no_brackets_and_drops_duplicates()
    {
        var error = FieldError.Required("spec.containers");
        var e = ApiException.Invalid("", "Pod", "p", [error, error]);
        Assert.That(e.Message, Is.EqualTo("Pod \"p\" is invalid: spec.containers: Required value"));
        Assert.That(e.Details!.Causes, Has.Count.EqualTo(2));
        Assert.That(ApiException.Invalid("", "Pod", "p", []).Message, Is.EqualTo("Pod \"p\" is invalid"));
    }

    [Test]
    public void Field_error_bodies()
    {
        Assert.Multiple(() =>
        {
            Assert.That(FieldError.NotSupported("spec.type", "Foo", ["ClusterIP", "NodePort"]).ToString(),
                Is.EqualTo("spec.type: Unsupported value: \"Foo\": supported values: \"ClusterIP\", \"NodePort\""));
            Assert.That(FieldError.Forbidden("spec", "updates are forbidden").ToString(), Is.EqualTo("spec: Forbidden: updates are forbidden"));
            Assert.That(FieldError.TooLong("metadata.annotations", 262144).ToString(),
                Is.EqualTo("metadata.annotations: Too long: may not be more than 262144 bytes"));
            Assert.That(FieldError.TooMany("spec.items", 5, 3).ToString(), Is.EqualTo("spec.items: Too many: 5: must have at most 3 items"));
            Assert.That(FieldError.TooMany("spec.items", -1, 3).ToString(), Is.EqualTo("spec.items: Too many: must have at most 3 items"));
            Assert.That(FieldError.Duplicate("spec.ports[1]", "http").ToString(), Is.EqualTo("spec.ports[1]: Duplicate value: \"http\""));
            Assert.That(FieldError.NotFound("spec.x", null).ToString(), Is.EqualTo("spec.x: Not found: null"));
            Assert.That(FieldError.Invalid("spec.paused", true, "no").ToString(), Is.EqualTo("spec.paused: Invalid value: true: no"));
            Assert.That(FieldError.Invalid("v", new[] { "a", "b" }, "bad").ToString(), Is.EqualTo("v: Invalid value: []string{\"a\", \"b\"}: bad"));
            Assert.That(FieldError.Invalid("v", "a\"b\n", "bad").ToString(), Is.EqualTo("v: Invalid value: \"a\\\"b\\n\": bad"));
            Assert.That(FieldError.Invalid("v", 1.5, "bad").ToString(), Is.EqualTo("v: Invalid value: 1.5: bad"));
        });
    }

    [Test]
    public void Forbidden_worded_as_the_authorization_filter_words_it()
    {
        var e = ApiException.ForbiddenForUser("x", "list", "", "pods", nameSpace: "y");
        Assert.That(e.Message, Is.EqualTo("pods is forbidden: User \"x\" cannot list resource \"pods\" in API group \"\" in the namespace \"y\""));
        Assert.That((e.Code, e.Reason), Is.EqualTo((403, "Forbidden")));
        Assert.That(Json(e), Does.Contain("\"details\":{\"kind\":\"pods\"}"));

        var named = ApiException.ForbiddenForUser("bob", "get", "apps", "deployments", "scale", "", "web");
        Assert.That(named.Message, Is.EqualTo(
            "deployments.apps \"web\" is forbidden: User \"bob\" cannot get resource \"deployments/scale\" in API group \"apps\" at the cluster scope"));

        Assert.That(ApiException.ForbiddenPath("bob", "get", "/metrics").Message,
            Is.EqualTo("forbidden: User \"bob\" cannot get path \"/metrics\""));
    }

    [Test]
    public void Unauthorized_and_bad_request()
    {
        Assert.That(Json(ApiException.Unauthorized()), Is.EqualTo(
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}"""));
        Assert.That(Json(ApiException.BadRequest("the namespace of the provided object does not match the namespace sent on the request")), Is.EqualTo(
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"the namespace of the provided object does not match the namespace sent on the request","reason":"BadRequest","code":400}"""));
    }

    [Test]
    public void Method_not_supported()
    {
        var e = ApiException.MethodNotSupported("", "bindings", "list");
        Assert.That((e.Code, e.Reason, e.Message), Is.EqualTo((405, "MethodNotAllowed", "list is not supported on resources of kind \"bindings\"")));
    }

    [Test]
    public void Expired_for_a_compacted_revision()
    {
        Assert.That(Json(ApiException.TooOldResourceVersion(5, 120)), Is.EqualTo(
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"too old resource version: 5 (120)","reason":"Expired","code":410}"""));
        Assert.That(ApiException.Gone("gone").Reason, Is.EqualTo("Gone"));
        Assert.That(ApiException.ContinueExpired().Code, Is.EqualTo(410));
    }

    [Test]
    public void Media_type_and_size_errors()
    {
        var e415 = ApiException.UnsupportedMediaType(["application/json", "application/merge-patch+json"]);
        Assert.That((e415.Code, e415.Reason, e415.Message), Is.EqualTo((415, "UnsupportedMediaType",
            "the body of the request was in an unknown format - accepted media types include: application/json, application/merge-patch+json")));
        var e406 = ApiException.NotAcceptable(["application/json"]);
        Assert.That((e406.Code, e406.Reason, e406.Message), Is.EqualTo((406, "NotAcceptable", "only the following media types are accepted: application/json")));
        var e413 = ApiException.RequestEntityTooLarge("limit is 3145728");
        Assert.That((e413.Code, e413.Reason, e413.Message), Is.EqualTo((413, "RequestEntityTooLarge", "Request entity too large: limit is 3145728")));
    }

    [Test]
    public void Too_many_requests_carries_retry_after_and_causes()
    {
        var e = ApiException.TooManyRequests("Cannot evict pod as it would violate the pod's disruption budget.", 10,
            [new StatusCause(StatusReasons.CauseDisruptionBudget, "The disruption budget web needs 2 healthy pods and has 2 currently")]);
        Assert.That(Json(e), Is.EqualTo(
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Cannot evict pod as it would violate the pod's disruption budget.","reason":"TooManyRequests","details":{"causes":[{"reason":"DisruptionBudget","message":"The disruption budget web needs 2 healthy pods and has 2 currently"}],"retryAfterSeconds":10},"code":429}"""));
        Assert.That(e.RetryAfterSeconds, Is.EqualTo(10));
    }

    [Test]
    public void Internal_error_repeats_the_message_as_a_cause()
    {
        Assert.That(Json(ApiException.InternalError("boom")), Is.EqualTo(
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Internal error occurred: boom","reason":"InternalError","details":{"causes":[{"message":"boom"}]},"code":500}"""));
    }

    [Test]
    public void Resource_version_too_large_is_a_timeout_with_a_cause()
    {
        Assert.That(Json(ApiException.ResourceVersionTooLarge(50, 40)), Is.EqualTo(
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Timeout: Too large resource version: 50, current: 40","reason":"Timeout","details":{"causes":[{"reason":"ResourceVersionTooLarge","message":"Too large resource version"}],"retryAfterSeconds":1},"code":504}"""));
        var t = ApiException.Timeout("request did not complete within requested timeout - context deadline exceeded");
        Assert.That((t.Code, t.Reason, t.Message), Is.EqualTo((504, "Timeout", "Timeout: request did not complete within requested timeout - context deadline exceeded")));
        Assert.That(t.RetryAfterSeconds, Is.Null);
    }

    [Test]
    public void Server_timeout_and_service_unavailable()
    {
        var st = ApiException.ServerTimeout("", "pods", "get", 2);
        Assert.That((st.Code, st.Reason, st.Message), Is.EqualTo((500, "ServerTimeout", "The get operation against pods could not be completed at this time, please try again.")));
        var su = ApiException.ServiceUnavailable("storage is not ready");
        Assert.That((su.Code, su.Reason, su.Message), Is.EqualTo((503, "ServiceUnavailable", "storage is not ready")));
    }

    [Test]
    public void A_status_reads_back()
    {
        var original = ApiException.Invalid("apps", "Deployment", "x", [FieldError.Required("spec.selector")]);
        var back = ApiException.FromStatus(original.ToJson());
        Assert.That(Json(back), Is.EqualTo(Json(original)));
    }

    [Test]
    public void Success_status_for_a_delete()
    {
        Assert.That(StatusSuccess.Build("apps", "deployments", "web", "1f2e").ToJsonString(Relaxed), Is.EqualTo(
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Success","details":{"name":"web","group":"apps","kind":"deployments","uid":"1f2e"}}"""));
        Assert.That(StatusSuccess.Build(ResourceRegistry.BuiltIn.Find("", "v1", "configmaps")!, "c", null).ToJsonString(Relaxed), Is.EqualTo(
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Success","details":{"name":"c","kind":"configmaps"}}"""));
    }
}
