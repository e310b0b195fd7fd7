using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Networking.V1;

[Description("HTTPIngressRuleValue is a list of http selectors pointing to backends. In the example: http://<host>/<path>?<searchpart> -> backend where where parts of the url correspond to RFC 3986, this resource will be used to match against everything after the last '/' and before the first '?' or '#'.")]
public class HTTPIngressRuleValue
{
    [JsonPropertyName("paths")]
    [ProtoField(1)]
    [Required]
    [ListType("atomic")]
    [Description("paths is a collection of paths that map requests to backends.")]
    public IList<HTTPIngressPath>? Paths { get; set; }
}
