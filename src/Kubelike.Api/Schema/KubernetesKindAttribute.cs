namespace Kubelike.Api.Schema;

/// <summary>
/// Marks a model type as a Kubernetes kind: the group, version and kind that its <c>apiVersion</c> and
/// <c>kind</c> fields carry. Lists of a kind are kinds of their own (<c>PodList</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class KubernetesKindAttribute : Attribute
{
    public KubernetesKindAttribute(string group, string version, string kind)
    {
        Group = group;
        Version = version;
        Kind = kind;
    }

    /// <summary>The API group; empty for the core group.</summary>
    public string Group { get; }

    public string Version { get; }

    public string Kind { get; }

    /// <summary>The <c>apiVersion</c> value: <c>v1</c> for the core group, otherwise <c>group/version</c>.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : Group + "/" + Version;
}
