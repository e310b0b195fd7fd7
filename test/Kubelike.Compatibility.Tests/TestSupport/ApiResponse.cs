using System.Net;
using System.Text.Json.Nodes;

namespace Kubelike.Compatibility.Tests.TestSupport;

/// <summary>A complete answer of the server to one direct HTTP request, for assertions.</summary>
/// <param name="Request">The method and path that were sent, for failure messages.</param>
public sealed record ApiResponse(string Request, HttpStatusCode StatusCode, string? ContentType, string Body)
{
    public int Code => (int)StatusCode;

    /// <summary>The body as JSON, or null when it is not a JSON document.</summary>
    public JsonNode? Json
    {
        get
        {
            try
            {
                return Body.Length == 0 ? null : JsonNode.Parse(Body);
            }
            catch (System.Text.Json.JsonException)
            {
                return null;
            }
        }
    }

    /// <summary>Whether the body is a <c>Status</c> of <c>apiVersion: v1</c> whose <c>code</c> equals the HTTP status.</summary>
    public bool IsStatusBody =>
        Json is JsonObject status
        && (string?)status["kind"] == "Status"
        && (string?)status["apiVersion"] == "v1"
        && (string?)status["status"] == "Failure"
        && status["code"]?.GetValue<int>() == Code;

    public string? Reason => (string?)Json?["reason"];

    public string? Message => (string?)Json?["message"];

    public override string ToString() =>
        $"{Request} -> {Code} {StatusCode} ({ContentType}){Environment.NewLine}{(Body.Length > 2000 ? Body[..2000] + "…" : Body)}";
}
