namespace Kubelike.Api.Primitives;

/// <summary>JSON for <see cref="MicroTime"/>: RFC 3339 with six fractional digits out; any fraction in; "" is the zero time.</summary>
public sealed class MicroTimeJsonConverter : Rfc3339JsonConverter<MicroTime>
{
    protected override bool TryParse(string text, out MicroTime value) => MicroTime.TryParse(text, out value);

    protected override bool IsZero(MicroTime value) => value.IsZero;
}
