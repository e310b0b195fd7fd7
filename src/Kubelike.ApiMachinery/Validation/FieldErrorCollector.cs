using System.Text.Json.Nodes;
using FluentValidation.Results;
using Kubelike.Api;
using Kubelike.ApiMachinery.Errors;
using Kubelike.ApiMachinery.Metadata;

namespace Kubelike.ApiMachinery.Validation;

/// <summary>
/// Where a rule reports: the path of the value under validation, and upstream's common checks (apimachinery's
/// validation package and core validation's helpers) with their exact messages.
/// </summary>
public sealed class FieldErrorCollector(Action<ValidationFailure> report, FieldPath path)
{
    public const string IsNegativeErrorMessage = "must be greater than or equal to 0";
    public const string IsNotPositiveErrorMessage = "must be greater than 0";
    public const string FieldImmutableMessage = ObjectMetaValidation.FieldImmutableMessage;

    private static readonly string[] PortProtocols = ["SCTP", "TCP", "UDP"];

    /// <summary>The path of the value the rule is checking.</summary>
    public FieldPath Path { get; } = path;

    public void Add(FieldError error) => report(FieldValidator<object>.ToFailure(error));

    public void AddRange(IEnumerable<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var error in errors)
        {
            Add(error);
        }
    }

    /// <summary>Runs a part's validator on a child value (nothing when the value is absent).</summary>
    public void Validate<TChild>(FieldValidator<TChild> validator, TChild? value, FieldPath at)
    {
        ArgumentNullException.ThrowIfNull(validator);
        if (value is not null)
        {
            AddRange(validator.Validate(value, at));
        }
    }

    /// <summary>Runs a part's validator on every item of a list, at <c>path[i]</c>.</summary>
    public void ValidateEach<TChild>(FieldValidator<TChild> validator, IEnumerable<TChild>? items, FieldPath at)
    {
        var i = 0;
        foreach (var item in items ?? [])
        {
            Validate(validator, item, at.Index(i++));
        }
    }

    public void Required(FieldPath at, string detail = "") => Add(FieldError.Required(at, detail));

    public void Invalid(FieldPath at, object? value, string detail) => Add(FieldError.Invalid(at, value, detail));

    public void Forbidden(FieldPath at, string detail) => Add(FieldError.Forbidden(at, detail));

    public void Duplicate(FieldPath at, object? value) => Add(FieldError.Duplicate(at, value));

    public void NotFound(FieldPath at, object? value) => Add(FieldError.NotFound(at, value));

    public void NotSupported(FieldPath at, object? value, IEnumerable<string> supported) => Add(FieldError.NotSupported(at, value, supported));

    /// <summary>An enumerated string: Required when empty (if <paramref name="required"/>), NotSupported when unknown.</summary>
    public void OneOf(FieldPath at, string? value, IReadOnlyCollection<string> supported, bool required = true)
    {
        ArgumentNullException.ThrowIfNull(supported);
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                Required(at);
            }
        }
        else if (!supported.Contains(value))
        {
            NotSupported(at, value, supported);
        }
    }

    public void Nonnegative(FieldPath at, long? value)
    {
        if (value < 0)
        {
            Invalid(at, value.Value, IsNegativeErrorMessage);
        }
    }

    public void Positive(FieldPath at, long? value)
    {
        if (value <= 0)
        {
            Invalid(at, value.Value, IsNotPositiveErrorMessage);
        }
    }

    public void Dns1123Label(FieldPath at, string value) => AddMessages(at, value, ValidationRules.IsDns1123Label(value));

    public void Dns1123Subdomain(FieldPath at, string value) => AddMessages(at, value, ValidationRules.IsDns1123Subdomain(value));

    public void Dns1035Label(FieldPath at, string value) => AddMessages(at, value, ValidationRules.IsDns1035Label(value));

    public void QualifiedName(FieldPath at, string value) => AddMessages(at, value, ValidationRules.IsQualifiedName(value));

    public void LabelValue(FieldPath at, string value) => AddMessages(at, value, ValidationRules.IsValidLabelValue(value));

    /// <summary>A required name that must be a DNS-1123 label (containers, volumes, ports of services).</summary>
    public void RequiredDns1123Label(FieldPath at, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            Required(at);
        }
        else
        {
            Dns1123Label(at, value);
        }
    }

    /// <summary>A required name that must be a DNS-1123 subdomain (references to objects by name).</summary>
    public void RequiredDns1123Subdomain(FieldPath at, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            Required(at);
        }
        else
        {
            Dns1123Subdomain(at, value);
        }
    }

    /// <summary>A port number, 1 to 65535.</summary>
    public void PortNumber(FieldPath at, int value)
    {
        if (value is < 1 or > 65535)
        {
            Invalid(at, value, ValidationFormats.PortRangeMessage);
        }
    }

    /// <summary>A protocol of a port: required, one of SCTP, TCP, UDP.</summary>
    public void Protocol(FieldPath at, string? value) => OneOf(at, value, PortProtocols);

    /// <summary>A port given as a number (1-65535) or an IANA service name.</summary>
    public void PortNumberOrName(FieldPath at, Api.Primitives.IntOrString? port)
    {
        if (port is null)
        {
            return;
        }
        if (port.IsInt)
        {
            PortNumber(at, port.IntValue);
        }
        else
        {
            var name = port.StringValue ?? "";
            if (name.Length == 0)
            {
                Required(at);
            }
            else
            {
                AddMessages(at, name, ValidationFormats.IsValidPortName(name));
            }
        }
    }

    /// <summary>Upstream's ValidateImmutableField: <c>Invalid value: …: field is immutable</c>.</summary>
    public void Immutable<TValue>(FieldPath at, TValue next, TValue old)
    {
        if (!SameValue(next, old))
        {
            Invalid(at, Display(next), FieldImmutableMessage);
        }
    }

    /// <summary>Deep equality of two model values through their JSON form.</summary>
    public static bool SameValue<TValue>(TValue a, TValue b) =>
        JsonNode.DeepEquals(KubernetesJson.SerializeToNode(a), KubernetesJson.SerializeToNode(b));

    /// <summary>A bad value as messages show it: scalars as themselves, structures as their JSON.</summary>
    public static object? Display<TValue>(TValue value) => value switch
    {
        null => null,
        string or bool or int or long or double => value,
        IEnumerable<string> list => list,
        _ => new JsonText(KubernetesJson.Serialize(value)),
    };

    /// <summary>An IP address (v4 or v6), as upstream's IsValidIP: <c>must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)</c>.</summary>
    public void IPAddress(FieldPath at, string value)
    {
        if (!ValidationFormats.IsIP(value))
        {
            Invalid(at, value, "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)");
        }
    }

    public void AddMessages(FieldPath at, object? value, IEnumerable<string> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages)
        {
            Invalid(at, value, message);
        }
    }

    /// <summary>A structure printed as JSON inside a message (where upstream prints the Go value).</summary>
    private sealed record JsonText(string Text)
    {
        public override string ToString() => Text;
    }
}
