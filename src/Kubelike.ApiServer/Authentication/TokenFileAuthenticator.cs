using Microsoft.AspNetCore.Http;

namespace Kubelike.ApiServer.Authentication;

/// <summary>
/// Static bearer tokens from a CSV file (<c>--token-auth-file</c>), in kube-apiserver's format:
/// <c>token,user,uid,"group1,group2"</c>; groups are optional.
/// </summary>
public sealed class TokenFileAuthenticator : IAuthenticator
{
    private readonly Dictionary<string, UserInfo> _tokens = new(StringComparer.Ordinal);

    public TokenFileAuthenticator(string path)
    {
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith('#'))
                continue;
            var fields = SplitCsv(line);
            if (fields.Count < 3 || fields[0].Length == 0 || fields[1].Length == 0)
                throw new FormatException($"{path}:{lineNumber}: expected token,user,uid[,\"group1,group2\"]");
            var groups = fields.Count > 3
                ? fields[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [];
            _tokens[fields[0]] = new UserInfo(fields[1], fields[2], groups);
        }
    }

    public UserInfo? Authenticate(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return null;
        var token = header["Bearer ".Length..].Trim();
        return _tokens.TryGetValue(token, out var user) ? user : null;
    }

    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
                quoted = !quoted;
            else if (c == ',' && !quoted)
            {
                fields.Add(current.ToString().Trim());
                current.Clear();
            }
            else
                current.Append(c);
        }
        fields.Add(current.ToString().Trim());
        return fields;
    }
}
