using System.Text.Json.Serialization;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Authorization.V1;

[Description("NonResourceRule holds information that describes a rule for the non-resource")]
public class NonResourceRule
{
    [JsonPropertyName("verbs")]
    [ProtoField(1)]
    [Required]
    [ListType("atomic")]
    [Description("Verb is a list of kubernetes non-resource API verbs, like: get, post, put, delete, patch, head, options.  \"*\" means all.")]
    public IList<string>? Verbs { get; set; }

    [JsonPropertyName("nonResourceURLs")]
    [ProtoField(2)]
    [ListType("atomic")]
    [Description("NonResourceURLs is a set of partial urls that a user should have access to.  *s are allowed, but only as the full, final step in the path.  \"*\" means all.")]
    public IList<string>? NonResourceURLs { get; set; }
}
