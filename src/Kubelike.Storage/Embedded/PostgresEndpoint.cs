using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Kubelike.Storage.Embedded;

/// <summary>
/// Turns a <c>--datastore-endpoint</c> value into an Npgsql connection string. Accepts libpq-style URLs
/// (<c>postgres://user:pass@host:port/db?sslmode=disable</c>, <c>postgresql://…</c>, several hosts,
/// a unix socket through <c>?host=/path</c> or a percent-encoded host) and Npgsql <c>key=value;</c> strings.
/// </summary>
public static partial class PostgresEndpoint
{
    /// <summary>libpq URL parameters and the Npgsql keywords they become.</summary>
    private static readonly Dictionary<string, string> ParameterKeywords = new(StringComparer.Ordinal)
    {
        ["host"] = "Host",
        ["hostaddr"] = "Host",
        ["port"] = "Port",
        ["user"] = "Username",
        ["password"] = "Password",
        ["dbname"] = "Database",
        ["sslmode"] = "SSL Mode",
        ["sslrootcert"] = "Root Certificate",
        ["sslcert"] = "SSL Certificate",
        ["sslkey"] = "SSL Key",
        ["sslpassword"] = "SSL Password",
        ["connect_timeout"] = "Timeout",
        ["application_name"] = "Application Name",
        ["options"] = "Options",
        ["target_session_attrs"] = "Target Session Attributes",
        ["keepalives_idle"] = "Tcp Keepalive Time",
        ["keepalives_interval"] = "Tcp Keepalive Interval",
        ["client_encoding"] = "Client Encoding",
        ["passfile"] = "Passfile",
        ["krbsrvname"] = "Kerberos Service Name",
    };

    private static readonly Dictionary<string, SslMode> SslModes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["disable"] = SslMode.Disable,
        ["allow"] = SslMode.Allow,
        ["prefer"] = SslMode.Prefer,
        ["require"] = SslMode.Require,
        ["verify-ca"] = SslMode.VerifyCA,
        ["verify-full"] = SslMode.VerifyFull,
    };

    /// <exception cref="ArgumentException">The value is neither a PostgreSQL URL nor a valid key=value string.</exception>
    public static string ToConnectionString(string endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var value = endpoint.Trim();
        if (value.Length == 0)
        {
            throw Invalid("it is empty");
        }

        var schemeEnd = value.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd > 0)
        {
            var scheme = value[..schemeEnd];
            if (!scheme.Equals("postgres", StringComparison.OrdinalIgnoreCase) && !scheme.Equals("postgresql", StringComparison.OrdinalIgnoreCase))
            {
                throw Invalid($"the scheme '{scheme}' is not postgres:// or postgresql://");
            }

            return FromUrl(value[(schemeEnd + 3)..]);
        }

        if (LibpqKeywordForm().IsMatch(value))
        {
            throw Invalid("libpq 'key=value key=value' strings are not supported; use a postgres:// URL or Host=...;Username=...");
        }

        if (value.Contains('=', StringComparison.Ordinal))
        {
            return FromKeyValue(value);
        }

        throw Invalid("expected a postgres://user:password@host:port/database URL or a Host=...;Username=... connection string");
    }

    /// <summary>"host=a port=5" without semicolons: Npgsql would read it as one Host value "a port=5".</summary>
    [GeneratedRegex(@"^[^;]*?\w+\s*=\s*\S+\s+\w+\s*=[^;]*$")]
    private static partial Regex LibpqKeywordForm();

    private static ArgumentException Invalid(string reason) =>
        new($"invalid datastore endpoint: {reason}");

    private static string FromKeyValue(string value)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(value);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            // The message names the bad keyword or value; it never echoes the whole string (a password may be in it).
            throw Invalid(e.Message);
        }

        if (string.IsNullOrEmpty(builder.Host))
        {
            throw Invalid("the connection string names no Host");
        }

        return builder.ConnectionString;
    }

    private static string FromUrl(string rest)
    {
        var builder = new NpgsqlConnectionStringBuilder();

        var fragment = rest.IndexOf('#', StringComparison.Ordinal);
        if (fragment >= 0)
        {
            rest = rest[..fragment];
        }

        var query = string.Empty;
        var queryStart = rest.IndexOf('?', StringComparison.Ordinal);
        if (queryStart >= 0)
        {
            query = rest[(queryStart + 1)..];
            rest = rest[..queryStart];
        }

        var pathStart = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = pathStart >= 0 ? rest[..pathStart] : rest;
        var database = pathStart >= 0 ? Decode(rest[(pathStart + 1)..], "database") : string.Empty;
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = authority[..at];
            authority = authority[(at + 1)..];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            var user = Decode(colon >= 0 ? userInfo[..colon] : userInfo, "user name");
            if (user.Length > 0)
            {
                builder.Username = user;
            }

            if (colon >= 0)
            {
                builder.Password = Decode(userInfo[(colon + 1)..], "password");
            }
        }

        if (authority.Length > 0)
        {
            var hosts = authority.Split(',').Select(ParseHost).ToList();
            if (hosts.Count == 1)
            {
                builder.Host = hosts[0].Host;
                if (hosts[0].Port is { } port)
                {
                    builder.Port = port;
                }
            }
            else
            {
                // Npgsql takes a multi-host list as host:port items.
                builder.Host = string.Join(',', hosts.Select(h => h.Port is { } port ? $"{Bracket(h.Host)}:{port}" : h.Host));
            }
        }

        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw Invalid($"the URL parameter '{pair}' has no value");
            }

            ApplyParameter(builder, Decode(pair[..equals], "parameter name"), Decode(pair[(equals + 1)..], "parameter value"));
        }

        if (string.IsNullOrEmpty(builder.Host))
        {
            throw Invalid("the URL names no host (give one, or a socket directory with ?host=/path)");
        }

        return builder.ConnectionString;
    }

    /// <summary>host, host:port, [v6], [v6]:port or a percent-encoded socket directory.</summary>
    private static (string Host, int? Port) ParseHost(string spec)
    {
        string host;
        string? port = null;
        if (spec.StartsWith('['))
        {
            var close = spec.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw Invalid($"the host '{spec}' lacks its closing ']'");
            }

            host = spec[1..close];
            var after = spec[(close + 1)..];
            if (after.Length > 0)
            {
                port = after.StartsWith(':') ? after[1..] : throw Invalid($"unexpected text after the address in '{spec}'");
            }
        }
        else
        {
            var colon = spec.LastIndexOf(':');
            host = Decode(colon >= 0 ? spec[..colon] : spec, "host");
            port = colon >= 0 ? spec[(colon + 1)..] : null;
        }

        if (host.Length == 0)
        {
            throw Invalid($"empty host in '{spec}'");
        }

        return (host, port is null ? null : ParsePort(port));
    }

    private static string Bracket(string host) => host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host;

    private static int ParsePort(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? port
            : throw Invalid($"'{text}' is not a port number");

    private static void ApplyParameter(NpgsqlConnectionStringBuilder builder, string name, string value)
    {
        if (!ParameterKeywords.TryGetValue(name, out var keyword))
        {
            throw Invalid($"unknown URL parameter '{name}'");
        }

        switch (name)
        {
            case "sslmode":
                builder.SslMode = SslModes.TryGetValue(value, out var mode)
                    ? mode
                    : throw Invalid($"sslmode '{value}' is not one of {string.Join(", ", SslModes.Keys)}");
                return;
            case "port":
                // libpq allows a port list matching the host list; Npgsql takes host:port instead.
                builder.Port = ParsePort(value);
                return;
            default:
                try
                {
                    builder[keyword] = value;
                }
                catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
                {
                    throw Invalid($"bad value for the URL parameter '{name}': {e.Message}");
                }

                return;
        }
    }

    /// <summary>Percent-decoding as libpq does it ('+' stays a plus); a malformed escape is an error, not literal text.</summary>
    private static string Decode(string text, string what)
    {
        for (var i = text.IndexOf('%', StringComparison.Ordinal); i >= 0; i = text.IndexOf('%', i + 1))
        {
            if (i + 2 >= text.Length || !Uri.IsHexDigit(text[i + 1]) || !Uri.IsHexDigit(text[i + 2]))
            {
                throw Invalid($"the {what} has a malformed %-escape");
            }
        }

        return Uri.UnescapeDataString(text);
    }
}
