using System.Text.Encodings.Web;
using System.Text.Json;

namespace Kubelike.ApiServer.Negotiation;

/// <summary>
/// How responses are written: quotes and non-ASCII text as themselves rather than \u escapes (the default
/// encoder escapes '"' inside strings as \u0022, which clients decode but people reading errors should not see).
/// </summary>
public static class JsonOutput
{
    public static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static readonly JsonSerializerOptions Serializer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
