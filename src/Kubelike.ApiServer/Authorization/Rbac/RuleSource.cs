namespace Kubelike.ApiServer.Authorization.Rbac;

/// <summary>Which binding granted a rule, worded as upstream's RBAC reasons: <c>RoleBinding "b/ns" of Role "r" to User "u"</c>.</summary>
public sealed record RuleSource(string BindingKind, string BindingName, string BindingNamespace, string RoleKind, string RoleName, string Subject)
{
    public override string ToString()
    {
        var binding = BindingNamespace.Length == 0 ? BindingName : $"{BindingName}/{BindingNamespace}";
        return $"{BindingKind} {Quote(binding)} of {RoleKind} {Quote(RoleName)} to {Subject}";
    }

    /// <summary>Go's %q for the plain names RBAC objects have.</summary>
    internal static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
