namespace Kubelike.Api.Primitives;

/// <summary>JSON for <see cref="Time"/>: RFC 3339, second precision out; any fraction in; "" is the zero time.</summary>
public sealed class TimeJsonConverter : Rfc3339JsonConverter<Time>
{
    protected override bool TryParse(string text, out Time value) => Time.TryParse(text, out value);

    protected override bool IsZero(Time value) => value.IsZero;
}
