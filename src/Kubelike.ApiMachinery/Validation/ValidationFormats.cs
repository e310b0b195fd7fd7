using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Kubelike.ApiMachinery.Metadata;

namespace Kubelike.ApiMachinery.Validation;

/// <summary>
/// String formats of apimachinery's util/validation beyond names (ports, percents, config keys, environment
/// variable names, IP addresses and CIDRs), each returning upstream's messages, empty when valid.
/// </summary>
public static partial class ValidationFormats
{
    public const string PortRangeMessage = "must be between 1 and 65535, inclusive";

    private const string PercentFmt = "[0-9]+%";
    private const string ConfigMapKeyFmt = "[-._a-zA-Z0-9]+";
    private const string CIdentifierFmt = "[A-Za-z_][A-Za-z0-9_]*";

    [GeneratedRegex("^[-a-z0-9]+\\z")]
    private static partial Regex PortNameCharset();

    [GeneratedRegex("^" + PercentFmt + "\\z")]
    private static partial Regex Percent();

    [GeneratedRegex("^" + ConfigMapKeyFmt + "\\z")]
    private static partial Regex ConfigMapKey();

    [GeneratedRegex("^" + CIdentifierFmt + "\\z")]
    private static partial Regex CIdentifier();

    [GeneratedRegex("^[0-9.]+\\z")]
    private static partial Regex DottedDecimal();

    public static string InclusiveRangeError(long low, long high) =>
        string.Create(CultureInfo.InvariantCulture, $"must be between {low} and {high}, inclusive");

    /// <summary>An IANA service name: up to 15 lower-case alphanumerics and single hyphens, with at least one letter.</summary>
    public static IReadOnlyList<string> IsValidPortName(string port)
    {
        ArgumentNullException.ThrowIfNull(port);
        var errs = new List<string>();
        if (port.Length > 15)
        {
            errs.Add(ValidationRules.MaxLenError(15));
        }
        if (!PortNameCharset().IsMatch(port))
        {
            errs.Add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
        }
        if (!port.Any(c => c is >= 'a' and <= 'z'))
        {
            errs.Add("must contain at least one letter (a-z)");
        }
        if (port.Contains("--", StringComparison.Ordinal))
        {
            errs.Add("must not contain consecutive hyphens");
        }
        if (port.Length > 0 && (port[0] == '-' || port[^1] == '-'))
        {
            errs.Add("must not begin or end with a hyphen");
        }
        return errs;
    }

    public static IReadOnlyList<string> IsValidPercent(string percent) =>
        Percent().IsMatch(percent) ? [] : [ValidationRules.RegexError("a valid percent string must be a numeric string followed by an ending '%'", PercentFmt, "1%", "93%")];

    /// <summary>A key of a ConfigMap or Secret: up to 253 of alphanumerics, '-', '_', '.', not "." or "..".</summary>
    public static IReadOnlyList<string> IsConfigMapKey(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var errs = new List<string>();
        if (Encoding.UTF8.GetByteCount(value) > ValidationRules.Dns1123SubdomainMaxLength)
        {
            errs.Add(ValidationRules.MaxLenError(ValidationRules.Dns1123SubdomainMaxLength));
        }
        if (!ConfigMapKey().IsMatch(value))
        {
            errs.Add(ValidationRules.RegexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'", ConfigMapKeyFmt, "key.name", "KEY_NAME", "key-name"));
        }
        errs.AddRange(ChDirPrefix(value));
        return errs;
    }

    /// <summary>An environment variable name as the RelaxedEnvironmentVariableValidation feature (on in 1.33) allows.</summary>
    public static IReadOnlyList<string> IsRelaxedEnvVarName(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var errs = new List<string>();
        if (value.Length == 0)
        {
            errs.Add("environment variable name " + ValidationRules.EmptyError());
        }
        if (value.Any(c => c is < ' ' or > '~' || c == '='))
        {
            errs.Add("a valid environment variable name must consist only of printable ASCII characters other than '='");
        }
        return errs;
    }

    public static IReadOnlyList<string> IsCIdentifier(string value) =>
        CIdentifier().IsMatch(value) ? [] : [ValidationRules.RegexError("a valid C identifier must start with alphabetic character or '_', followed by a string of alphanumeric characters or '_'", CIdentifierFmt, "my_name", "MY_NAME", "MyName")];

    /// <summary>An IPv4 address in dotted-quad form or an IPv6 address, as Go's net.ParseIP reads them.</summary>
    public static bool IsIP(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Contains(':', StringComparison.Ordinal))
        {
            return !value.Contains('%', StringComparison.Ordinal) && System.Net.IPAddress.TryParse(value, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6;
        }
        // .NET also reads "1" and "1.2" as IPv4 addresses; Go wants all four parts.
        return DottedDecimal().IsMatch(value) && value.Split('.') is { Length: 4 } parts
            && parts.All(p => p.Length is > 0 and <= 3 && int.Parse(p, CultureInfo.InvariantCulture) <= 255);
    }

    /// <summary>An address/prefix-length CIDR such as 10.0.0.0/8 or 2001:db8::/32.</summary>
    public static bool IsCIDR(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !IsIP(value[..slash]) || !int.TryParse(value[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var bits))
        {
            return false;
        }
        return bits <= (value[..slash].Contains(':', StringComparison.Ordinal) ? 128 : 32);
    }

    private static IEnumerable<string> ChDirPrefix(string value) => value switch
    {
        "." => ["must not be '.'"],
        ".." => ["must not be '..'"],
        _ when value.StartsWith("..", StringComparison.Ordinal) => ["must not start with '..'"],
        _ => [],
    };
}
