using System.Text;
using System.Text.RegularExpressions;

namespace Kubelike.ApiMachinery.Metadata;

/// <summary>
/// The string rules of k8s.io/apimachinery's validation package (qualified names, label values, DNS names), each
/// returning upstream's messages, empty when the value is valid. Lengths count UTF-8 bytes, as Go's len does.
/// </summary>
public static partial class ValidationRules
{
    private const string QualifiedNameFmt = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private const string QualifiedNameErrMsg = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
    private const string LabelValueFmt = "(" + QualifiedNameFmt + ")?";
    private const string LabelValueErrMsg = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
    private const string Dns1123LabelFmt = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private const string Dns1123LabelErrMsg = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
    private const string Dns1123SubdomainFmt = Dns1123LabelFmt + "(\\." + Dns1123LabelFmt + ")*";
    private const string Dns1123SubdomainErrMsg = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
    private const string Dns1035LabelFmt = "[a-z]([-a-z0-9]*[a-z0-9])?";
    private const string Dns1035LabelErrMsg = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";

    public const int QualifiedNameMaxLength = 63;
    public const int LabelValueMaxLength = 63;
    public const int Dns1123LabelMaxLength = 63;
    public const int Dns1123SubdomainMaxLength = 253;
    public const int Dns1035LabelMaxLength = 63;

    // Go's regexp has no \z subtlety: "^...$" without the multiline flag matches the whole string; .NET's $ also
    // matches before a final newline, so these use \z.
    [GeneratedRegex("^" + QualifiedNameFmt + "\\z")]
    private static partial Regex QualifiedName();

    [GeneratedRegex("^" + LabelValueFmt + "\\z")]
    private static partial Regex LabelValue();

    [GeneratedRegex("^" + Dns1123LabelFmt + "\\z")]
    private static partial Regex Dns1123Label();

    [GeneratedRegex("^" + Dns1123SubdomainFmt + "\\z")]
    private static partial Regex Dns1123Subdomain();

    [GeneratedRegex("^" + Dns1035LabelFmt + "\\z")]
    private static partial Regex Dns1035Label();

    public static string MaxLenError(int length) => $"must be no more than {length} characters";

    public static string EmptyError() => "must be non-empty";

    public static string RegexError(string msg, string fmt, params string[] examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        if (examples.Length == 0)
        {
            return $"{msg} (regex used for validation is '{fmt}')";
        }
        var sb = new StringBuilder(msg).Append(" (e.g. ");
        for (var i = 0; i < examples.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(" or ");
            }
            sb.Append('\'').Append(examples[i]).Append("', ");
        }
        return sb.Append("regex used for validation is '").Append(fmt).Append("')").ToString();
    }

    private static int Bytes(string s) => Encoding.UTF8.GetByteCount(s);

    /// <summary>A label key, annotation key or finalizer: an optional DNS subdomain prefix and '/', then a name of up to 63 characters.</summary>
    public static IReadOnlyList<string> IsQualifiedName(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var errs = new List<string>();
        var parts = value.Split('/');
        string name;
        switch (parts.Length)
        {
            case 1:
                name = parts[0];
                break;
            case 2:
                var prefix = parts[0];
                name = parts[1];
                if (prefix.Length == 0)
                {
                    errs.Add("prefix part " + EmptyError());
                }
                else
                {
                    errs.AddRange(IsDns1123Subdomain(prefix).Select(m => "prefix part " + m));
                }
                break;
            default:
                errs.Add("a qualified name " + RegexError(QualifiedNameErrMsg, QualifiedNameFmt, "MyName", "my.name", "123-abc")
                    + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
                return errs;
        }
        if (name.Length == 0)
        {
            errs.Add("name part " + EmptyError());
        }
        else if (Bytes(name) > QualifiedNameMaxLength)
        {
            errs.Add("name part " + MaxLenError(QualifiedNameMaxLength));
        }
        if (!QualifiedName().IsMatch(name))
        {
            errs.Add("name part " + RegexError(QualifiedNameErrMsg, QualifiedNameFmt, "MyName", "my.name", "123-abc"));
        }
        return errs;
    }

    /// <summary>A label value: empty, or up to 63 alphanumerics with '-', '_', '.' inside.</summary>
    public static IReadOnlyList<string> IsValidLabelValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var errs = new List<string>();
        if (Bytes(value) > LabelValueMaxLength)
        {
            errs.Add(MaxLenError(LabelValueMaxLength));
        }
        if (!LabelValue().IsMatch(value))
        {
            errs.Add(RegexError(LabelValueErrMsg, LabelValueFmt, "MyValue", "my_value", "12345"));
        }
        return errs;
    }

    public static IReadOnlyList<string> IsDns1123Label(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var errs = new List<string>();
        if (Bytes(value) > Dns1123LabelMaxLength)
        {
            errs.Add(MaxLenError(Dns1123LabelMaxLength));
        }
        if (!Dns1123Label().IsMatch(value))
        {
            errs.Add(Dns1123Subdomain().IsMatch(value) ? "must not contain dots" : RegexError(Dns1123LabelErrMsg, Dns1123LabelFmt, "my-name", "123-abc"));
        }
        return errs;
    }

    public static IReadOnlyList<string> IsDns1123Subdomain(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var errs = new List<string>();
        if (Bytes(value) > Dns1123SubdomainMaxLength)
        {
            errs.Add(MaxLenError(Dns1123SubdomainMaxLength));
        }
        if (!Dns1123Subdomain().IsMatch(value))
        {
            errs.Add(RegexError(Dns1123SubdomainErrMsg, Dns1123SubdomainFmt, "example.com"));
        }
        return errs;
    }

    public static IReadOnlyList<string> IsDns1035Label(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var errs = new List<string>();
        if (Bytes(value) > Dns1035LabelMaxLength)
        {
            errs.Add(MaxLenError(Dns1035LabelMaxLength));
        }
        if (!Dns1035Label().IsMatch(value))
        {
            errs.Add(RegexError(Dns1035LabelErrMsg, Dns1035LabelFmt, "my-name", "abc-123"));
        }
        return errs;
    }

    /// <summary>
    /// A name that is one URL path segment (RBAC roles and bindings, and other kinds validated with
    /// path.ValidatePathSegmentName): not "." or "..", no '/' or '%'.
    /// </summary>
    public static IReadOnlyList<string> IsValidPathSegmentName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name is "." or "..")
        {
            return [$"may not be '{name}'"];
        }
        var errs = new List<string>();
        foreach (var illegal in new[] { "/", "%" })
        {
            if (name.Contains(illegal, StringComparison.Ordinal))
            {
                errs.Add($"may not contain '{illegal}'");
            }
        }
        return errs;
    }
}
