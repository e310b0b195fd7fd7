using System.Text.Json.Serialization;
using Kubelike.Api.Meta.V1;

namespace Kubelike.Client.Rest;

/// <summary>A list answer of any resource: <c>metadata</c> (resourceVersion, continue) and <c>items</c>.</summary>
/// <typeparam name="T">The item type: a model type or <see cref="System.Text.Json.Nodes.JsonObject"/>.</typeparam>
public sealed class ObjectList<T>
{
    [JsonPropertyName("apiVersion")]
    public string? ApiVersion { get; set; }

    [JsonPropertyName("kind")]
    public string? Kind { get; set; }

    [JsonPropertyName("metadata")]
    public ListMeta Metadata { get; set; } = new();

    [JsonPropertyName("items")]
    public List<T> Items { get; set; } = [];

    /// <summary>The revision of the snapshot the list was read from.</summary>
    [JsonIgnore]
    public string? ResourceVersion => Metadata.ResourceVersion;

    /// <summary>The token for the next page, or null on the last page.</summary>
    [JsonIgnore]
    public string? Continue => string.IsNullOrEmpty(Metadata.Continue) ? null : Metadata.Continue;
}
