using System.Globalization;
using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Errors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Kubelike.ApiServer.Negotiation;

/// <summary>
/// <c>application/yaml</c> request bodies: one YAML document to the JSON tree the rest of the server works on.
/// Plain scalars follow YAML 1.2's core schema (null, booleans, integers, floats); quoted scalars stay strings.
/// </summary>
public static class YamlToJson
{
    public static JsonObject Convert(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException exception)
        {
            throw ApiException.BadRequest($"error converting YAML to JSON: {exception.Message}");
        }
        if (stream.Documents.Count != 1)
            throw ApiException.BadRequest("the body must hold exactly one YAML document");
        return Node(stream.Documents[0].RootNode, 0) as JsonObject ?? throw ApiException.BadRequest("the body of the request must be an object");
    }

    private static JsonNode? Node(YamlNode node, int depth)
    {
        if (depth > 100)
            throw ApiException.BadRequest("error converting YAML to JSON: the document is nested too deeply");
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is not YamlScalarNode { Value: { } name })
                        throw ApiException.BadRequest("error converting YAML to JSON: mapping keys must be strings");
                    obj[name] = Node(value, depth + 1);
                }
                return obj;
            case YamlSequenceNode sequence:
                return new JsonArray([.. sequence.Children.Select(child => Node(child, depth + 1))]);
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                throw ApiException.BadRequest("error converting YAML to JSON: aliases are not supported");
        }
    }

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
            return JsonValue.Create(text);
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            return JsonValue.Create(integer);
        if (text.Length > 0 && (char.IsDigit(text[0]) || text[0] is '-' or '+' or '.') && text.Any(char.IsDigit)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
            return JsonValue.Create(number);
        return JsonValue.Create(text);
    }
}
