namespace Kubelike.Api;

/// <summary>An object that carries <c>apiVersion</c> and <c>kind</c> (Go <c>metav1.TypeMeta</c> inline).</summary>
public interface ITypeMeta
{
    string? ApiVersion { get; set; }

    string? Kind { get; set; }
}
