namespace Kubelike.ApiMachinery.Defaulting;

/// <summary>
/// The default image pull policy, as upstream derives it from the image reference: Always when the tag is "latest"
/// or when there is neither a tag nor a digest (the tag then defaults to "latest"), IfNotPresent otherwise, and
/// IfNotPresent for a reference that does not parse.
/// </summary>
internal static class ImagePullPolicy
{
    public const string Always = "Always";
    public const string IfNotPresent = "IfNotPresent";

    public static string For(string? image) => TagOf(image) == "latest" ? Always : IfNotPresent;

    /// <summary>The tag of an image reference ("latest" when it has neither tag nor digest), or null when it does not parse.</summary>
    public static string? TagOf(string? image)
    {
        if (string.IsNullOrEmpty(image) || image.Any(char.IsWhiteSpace))
        {
            return null;
        }
        var name = image;
        var hasDigest = false;
        var at = name.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            hasDigest = true;
            name = name[..at];
        }
        string? tag = null;
        var colon = name.LastIndexOf(':');
        if (colon > name.LastIndexOf('/'))
        {
            tag = name[(colon + 1)..];
            name = name[..colon];
            if (tag.Length == 0)
            {
                return null;
            }
        }
        // The repository path must be lower case (the registry host before the first '/' may not be).
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        var path = slash >= 0 && LooksLikeHost(name[..slash]) ? name[(slash + 1)..] : name;
        if (path.Length == 0 || path.Any(char.IsUpper))
        {
            return null;
        }
        return tag ?? (hasDigest ? "" : "latest");
    }

    private static bool LooksLikeHost(string component) =>
        component.Contains('.', StringComparison.Ordinal) || component.Contains(':', StringComparison.Ordinal) || component == "localhost";
}
