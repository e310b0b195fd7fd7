using System.Security.Cryptography;

namespace Kubelike.ApiMachinery.Metadata;

/// <summary>Object name rules and generateName, as upstream's names and validation packages apply them.</summary>
public static class ObjectNames
{
    /// <summary>The characters of a generated suffix: no vowels (no words) and no look-alikes (0/o, 1/l, 3/e).</summary>
    public const string SuffixAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    public const int SuffixLength = 5;

    /// <summary>A generated name is at most 63 characters, so the prefix is cut to 58.</summary>
    public const int MaxGeneratedPrefixLength = 63 - SuffixLength;

    /// <summary>
    /// The messages for a name under <paramref name="rule"/>, empty when valid. With <paramref name="prefix"/> (a
    /// generateName) a trailing '-' is allowed: upstream masks the last two characters with an "a" before checking.
    /// </summary>
    public static IReadOnlyList<string> Validate(NameRule rule, string name, bool prefix = false)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (prefix && rule != NameRule.PathSegment && name.Length > 1 && name.EndsWith('-'))
        {
            name = name[..^2] + "a";
        }
        return rule switch
        {
            NameRule.Dns1123Subdomain => ValidationRules.IsDns1123Subdomain(name),
            NameRule.Dns1123Label => ValidationRules.IsDns1123Label(name),
            NameRule.Dns1035Label => ValidationRules.IsDns1035Label(name),
            NameRule.PathSegment => prefix ? PathSegmentPrefix(name) : ValidationRules.IsValidPathSegmentName(name),
            _ => [],
        };
    }

    private static readonly string[] PathSegmentIllegal = ["/", "%"];

    // A prefix may be "." or ".." (more follows); only the characters are checked.
    private static IReadOnlyList<string> PathSegmentPrefix(string name) =>
        [.. PathSegmentIllegal.Where(c => name.Contains(c, StringComparison.Ordinal)).Select(c => $"may not contain '{c}'")];

    /// <summary>The prefix, cut to 58 characters, plus five random characters from <see cref="SuffixAlphabet"/>.</summary>
    public static string Generate(string generateName)
    {
        ArgumentNullException.ThrowIfNull(generateName);
        var prefix = generateName.Length > MaxGeneratedPrefixLength ? generateName[..MaxGeneratedPrefixLength] : generateName;
        return prefix + RandomSuffix();
    }

    public static string RandomSuffix() => RandomNumberGenerator.GetString(SuffixAlphabet, SuffixLength);
}
