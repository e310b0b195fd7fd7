using Kubelike.ApiMachinery.Errors;
using Kubelike.ApiMachinery.Metadata;

namespace Kubelike.ApiMachinery.Selectors;

/// <summary>
/// The label selector grammar of k8s.io/apimachinery/pkg/labels: a lexer that splits on whitespace and the special
/// symbols = ! ( ) , &lt; &gt;, and a recursive-descent parser producing upstream's error messages word for word.
/// </summary>
internal sealed class LabelSelectorParser
{
    private enum Token
    {
        EndOfString,
        ClosedPar,
        Comma,
        DoesNotExist,
        DoubleEquals,
        Equals,
        GreaterThan,
        Identifier,
        In,
        LessThan,
        NotEquals,
        NotIn,
        OpenPar,
    }

    private static readonly Dictionary<string, Token> Keywords = new(StringComparer.Ordinal)
    {
        [")"] = Token.ClosedPar,
        [","] = Token.Comma,
        ["!"] = Token.DoesNotExist,
        ["=="] = Token.DoubleEquals,
        ["="] = Token.Equals,
        [">"] = Token.GreaterThan,
        ["in"] = Token.In,
        ["<"] = Token.LessThan,
        ["!="] = Token.NotEquals,
        ["notin"] = Token.NotIn,
        ["("] = Token.OpenPar,
    };

    private const string BinaryOperators = "in, notin, =, ==, !=, gt, lt";

    private readonly List<(Token Token, string Literal)> _items = [];
    private int _position;

    private LabelSelectorParser(string selector) => Scan(selector);

    /// <summary>Parses; on failure returns null and upstream's message in <paramref name="error"/>.</summary>
    public static List<LabelRequirement>? Parse(string selector, out string? error)
    {
        var parser = new LabelSelectorParser(selector);
        try
        {
            error = null;
            return parser.ParseSelector();
        }
        catch (ParseError e)
        {
            error = e.Message;
            return null;
        }
    }

    private sealed class ParseError(string message) : Exception(message);

    private static bool IsWhitespace(char c) => c is ' ' or '\t' or '\r' or '\n';

    private static bool IsSpecial(char c) => c is '=' or '!' or '(' or ')' or ',' or '>' or '<';

    private void Scan(string s)
    {
        var pos = 0;
        while (true)
        {
            while (pos < s.Length && IsWhitespace(s[pos]))
            {
                pos++;
            }
            if (pos >= s.Length)
            {
                _items.Add((Token.EndOfString, ""));
                return;
            }
            var start = pos;
            if (IsSpecial(s[pos]))
            {
                // Longest run of special symbols that is still a keyword ("!=" rather than "!" then "=").
                (Token Token, string Literal)? last = null;
                var end = pos;
                while (pos < s.Length && IsSpecial(s[pos]))
                {
                    var candidate = s[start..(pos + 1)];
                    if (Keywords.TryGetValue(candidate, out var token))
                    {
                        last = (token, candidate);
                        end = pos + 1;
                    }
                    else if (last is not null)
                    {
                        break;
                    }
                    pos++;
                }
                if (last is null)
                {
                    throw new InvalidOperationException("every single special symbol is a keyword");
                }
                pos = end;
                _items.Add(last.Value);
            }
            else
            {
                while (pos < s.Length && !IsSpecial(s[pos]) && !IsWhitespace(s[pos]))
                {
                    pos++;
                }
                var literal = s[start..pos];
                _items.Add((Keywords.TryGetValue(literal, out var token) ? token : Token.Identifier, literal));
            }
        }
    }

    // In value position "in" and "notin" are plain identifiers (a label value may be "in").
    private static Token AsValue(Token t) => t is Token.In or Token.NotIn ? Token.Identifier : t;

    private (Token Token, string Literal) Lookahead(bool values)
    {
        var (t, l) = _items[_position];
        return (values ? AsValue(t) : t, l);
    }

    private (Token Token, string Literal) Consume(bool values)
    {
        var (t, l) = _items[_position++];
        return (values ? AsValue(t) : t, l);
    }

    private List<LabelRequirement> ParseSelector()
    {
        var requirements = new List<LabelRequirement>();
        while (true)
        {
            var (tok, lit) = Lookahead(values: true);
            switch (tok)
            {
                case Token.Identifier or Token.DoesNotExist:
                    try
                    {
                        requirements.Add(ParseRequirement());
                    }
                    catch (ParseError e)
                    {
                        throw new ParseError($"unable to parse requirement: {e.Message}");
                    }
                    var (t, l) = Consume(values: true);
                    switch (t)
                    {
                        case Token.EndOfString:
                            return requirements;
                        case Token.Comma:
                            var (t2, l2) = Lookahead(values: true);
                            if (t2 is not (Token.Identifier or Token.DoesNotExist))
                            {
                                throw new ParseError($"found '{l2}', expected: identifier after ','");
                            }
                            break;
                        default:
                            throw new ParseError($"found '{l}', expected: ',' or 'end of string'");
                    }
                    break;
                case Token.EndOfString:
                    return requirements;
                default:
                    throw new ParseError($"found '{lit}', expected: !, identifier, or 'end of string'");
            }
        }
    }

    private LabelRequirement ParseRequirement()
    {
        var (key, op) = ParseKeyAndInferOperator();
        if (op is SelectorOperator.Exists or SelectorOperator.DoesNotExist)
        {
            return NewRequirement(key, op.Value, []);
        }
        var binary = ParseOperator();
        var values = binary is SelectorOperator.In or SelectorOperator.NotIn ? ParseValues() : ParseExactValue();
        return NewRequirement(key, binary, values);
    }

    private static LabelRequirement NewRequirement(string key, SelectorOperator op, IEnumerable<string> values)
    {
        var errors = LabelRequirement.Validate(key, op, values, null, out var requirement);
        return errors.Count == 0 ? requirement : throw new ParseError(FieldError.Aggregate(errors));
    }

    private (string Key, SelectorOperator? Operator) ParseKeyAndInferOperator()
    {
        SelectorOperator? op = null;
        var (tok, literal) = Consume(values: true);
        if (tok == Token.DoesNotExist)
        {
            op = SelectorOperator.DoesNotExist;
            (tok, literal) = Consume(values: true);
        }
        if (tok != Token.Identifier)
        {
            throw new ParseError($"found '{literal}', expected: identifier");
        }
        var keyErrors = ValidationRules.IsQualifiedName(literal);
        if (keyErrors.Count > 0)
        {
            // Upstream validates the key here against a nil field path, which prints as "<nil>".
            throw new ParseError(FieldError.Invalid("<nil>", literal, string.Join("; ", keyErrors)).ToString());
        }
        var (next, _) = Lookahead(values: true);
        if (next is Token.EndOfString or Token.Comma && op is null)
        {
            op = SelectorOperator.Exists;
        }
        return (literal, op);
    }

    private SelectorOperator ParseOperator()
    {
        var (tok, lit) = Consume(values: false);
        return tok switch
        {
            Token.In => SelectorOperator.In,
            Token.Equals => SelectorOperator.Equals,
            Token.DoubleEquals => SelectorOperator.DoubleEquals,
            Token.GreaterThan => SelectorOperator.GreaterThan,
            Token.LessThan => SelectorOperator.LessThan,
            Token.NotIn => SelectorOperator.NotIn,
            Token.NotEquals => SelectorOperator.NotEquals,
            _ => throw new ParseError($"found '{lit}', expected: {BinaryOperators}"),
        };
    }

    private HashSet<string> ParseValues()
    {
        var (tok, lit) = Consume(values: true);
        if (tok != Token.OpenPar)
        {
            throw new ParseError($"found '{lit}' expected: '('");
        }
        (tok, lit) = Lookahead(values: true);
        switch (tok)
        {
            case Token.Identifier or Token.Comma:
                var set = ParseIdentifiersList();
                if (Consume(values: true).Token != Token.ClosedPar)
                {
                    throw new ParseError($"found '{lit}', expected: ')'");
                }
                return set;
            case Token.ClosedPar:
                Consume(values: true);
                return [""];
            default:
                throw new ParseError($"found '{lit}', expected: ',', ')' or identifier");
        }
    }

    private HashSet<string> ParseIdentifiersList()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var (tok, lit) = Consume(values: true);
            switch (tok)
            {
                case Token.Identifier:
                    set.Add(lit);
                    var (tok2, lit2) = Lookahead(values: true);
                    switch (tok2)
                    {
                        case Token.Comma:
                            continue;
                        case Token.ClosedPar:
                            return set;
                        default:
                            throw new ParseError($"found '{lit2}', expected: ',' or ')'");
                    }
                case Token.Comma:
                    // "(,", ",)" and ",," each stand for an empty value.
                    if (set.Count == 0)
                    {
                        set.Add("");
                    }
                    var next = Lookahead(values: true).Token;
                    if (next == Token.ClosedPar)
                    {
                        set.Add("");
                        return set;
                    }
                    if (next == Token.Comma)
                    {
                        Consume(values: true);
                        set.Add("");
                    }
                    break;
                default:
                    throw new ParseError($"found '{lit}', expected: ',', or identifier");
            }
        }
    }

    private HashSet<string> ParseExactValue()
    {
        var (tok, _) = Lookahead(values: true);
        if (tok is Token.EndOfString or Token.Comma)
        {
            return [""];
        }
        (tok, var lit) = Consume(values: true);
        return tok == Token.Identifier ? [lit] : throw new ParseError($"found '{lit}', expected: identifier");
    }
}
