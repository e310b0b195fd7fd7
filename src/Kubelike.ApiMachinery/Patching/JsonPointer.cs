using System.Text;

namespace Kubelike.ApiMachinery.Patching;

/// <summary>RFC 6901 reference tokens: <c>~1</c> stands for <c>/</c> and <c>~0</c> for <c>~</c>.</summary>
public static class JsonPointer
{
    /// <summary>Decodes one reference token in a single left-to-right pass, so that <c>~01</c> is <c>~1</c>.</summary>
    public static string Unescape(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (!token.Contains('~', StringComparison.Ordinal))
            return token;
        var result = new StringBuilder(token.Length);
        for (var i = 0; i < token.Length; i++)
        {
            if (token[i] == '~' && i + 1 < token.Length && token[i + 1] is '0' or '1')
            {
                result.Append(token[i + 1] == '0' ? '~' : '/');
                i++;
            }
            else
            {
                result.Append(token[i]);
            }
        }
        return result.ToString();
    }

    public static string Escape(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
    }
}
