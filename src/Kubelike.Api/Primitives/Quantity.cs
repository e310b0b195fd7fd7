using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using System.Text.Json.Serialization;

namespace Kubelike.Api.Primitives;

/// <summary>
/// A resource quantity (<c>resource.Quantity</c>), e.g. <c>100m</c>, <c>1Gi</c>, <c>1.5</c>, <c>1e3</c>.
/// <para>
/// The string it was parsed from is kept verbatim (<see cref="ToString"/>, and the JSON form); the value is exact
/// (<see cref="Mantissa"/> × 10^<see cref="Exponent"/>), rounded up to a multiple of 10⁻⁹ as upstream does, and
/// <see cref="ToCanonicalString"/> gives the form the Kubernetes API server writes back (<c>1.5</c> → <c>1500m</c>).
/// </para>
/// <para>Grammar: <c>[+-]digits[.digits](Ki|Mi|Gi|Ti|Pi|Ei|n|u|m||k|M|G|T|P|E|(e|E)[+-]digits)</c>. Protobuf: {1 string}.</para>
/// </summary>
[JsonConverter(typeof(QuantityJsonConverter))]
public sealed class Quantity : IEquatable<Quantity>, IComparable<Quantity>
{
    /// <summary>The message upstream gives for a malformed quantity.</summary>
    public const string FormatError = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

    private const int NanoExponent = -9;

    private static readonly BigInteger MaxBinary = new(long.MaxValue);

    private static readonly string[] BinarySuffixes = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];

    private readonly string text;

    private Quantity(BigInteger mantissa, int exponent, QuantityFormat format, string? text)
    {
        // Keep the value normalized (no factor of ten left in the mantissa) so that equal values compare equal.
        if (mantissa.IsZero)
        {
            exponent = 0;
        }
        else
        {
            while (true)
            {
                var quotient = BigInteger.DivRem(mantissa, 10, out var remainder);
                if (!remainder.IsZero)
                {
                    break;
                }

                mantissa = quotient;
                exponent++;
            }
        }

        Mantissa = mantissa;
        Exponent = exponent;
        Format = format;
        this.text = text ?? Canonicalize(mantissa, exponent, format);
    }

    public static Quantity Zero { get; } = new(BigInteger.Zero, 0, QuantityFormat.DecimalSI, "0");

    /// <summary>The value's digits: value = <see cref="Mantissa"/> × 10^<see cref="Exponent"/>.</summary>
    public BigInteger Mantissa { get; }

    /// <summary>The power of ten of the value (at least -9).</summary>
    public int Exponent { get; }

    public QuantityFormat Format { get; }

    public bool IsZero => Mantissa.IsZero;

    public int Sign => Mantissa.Sign;

    public static bool operator ==(Quantity? left, Quantity? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(Quantity? left, Quantity? right) => !(left == right);

    public static bool operator <(Quantity? left, Quantity? right) => Compare(left, right) < 0;

    public static bool operator <=(Quantity? left, Quantity? right) => Compare(left, right) <= 0;

    public static bool operator >(Quantity? left, Quantity? right) => Compare(left, right) > 0;

    public static bool operator >=(Quantity? left, Quantity? right) => Compare(left, right) >= 0;

    /// <summary>Parses a quantity; throws <see cref="FormatException"/> when it is malformed.</summary>
    public static Quantity Parse(string s) =>
        TryParse(s, out var q) ? q : throw new FormatException($"unable to parse quantity's suffix or value \"{s}\": {FormatError}");

    /// <summary>Parses a quantity the way <c>resource.ParseQuantity</c> does; false when it is malformed.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, [NotNullWhen(true)] out Quantity? result)
    {
        result = null;
        if (string.IsNullOrEmpty(s))
        {
            return false;
        }

        if (s == "0")
        {
            result = Zero;
            return true;
        }

        if (!TrySplit(s, out var positive, out var num, out var denom, out var suffix)
            || !TryInterpretSuffix(suffix, out var binary, out var exponent, out var format))
        {
            return false;
        }

        var mantissa = BigInteger.Parse(string.Concat(num, denom), NumberStyles.None, CultureInfo.InvariantCulture);
        var exp10 = -denom.Length;
        if (binary)
        {
            mantissa <<= exponent;
        }
        else
        {
            exp10 += exponent;
        }

        // Non-zero amounts are rounded up (away from zero) to the smallest representable unit, 1n.
        if (exp10 < NanoExponent && !mantissa.IsZero)
        {
            var divisor = BigInteger.Pow(10, NanoExponent - exp10);
            var quotient = BigInteger.DivRem(mantissa, divisor, out var remainder);
            mantissa = remainder.IsZero ? quotient : quotient + 1;
            exp10 = NanoExponent;
        }

        if (format == QuantityFormat.BinarySI)
        {
            if (Compare(mantissa, exp10, MaxBinary, 0) > 0)
            {
                mantissa = MaxBinary;
                exp10 = 0;
            }

            if (!mantissa.IsZero && Compare(mantissa, exp10, BigInteger.One, 0) < 0)
            {
                format = QuantityFormat.DecimalSI;
            }
        }

        result = new Quantity(positive ? mantissa : -mantissa, exp10, format, s);
        return true;
    }

    /// <summary>A quantity with the given value, written in canonical form for <paramref name="format"/>.</summary>
    public static Quantity FromDecimal(decimal value, QuantityFormat format = QuantityFormat.DecimalSI)
    {
        var bits = decimal.GetBits(value);
        var scale = (bits[3] >> 16) & 0xFF;
        var magnitude = (new BigInteger((uint)bits[2]) << 64) | (new BigInteger((uint)bits[1]) << 32) | new BigInteger((uint)bits[0]);
        var parsed = Parse(string.Concat(magnitude.ToString(CultureInfo.InvariantCulture), "e-", scale.ToString(CultureInfo.InvariantCulture)));
        var mantissa = value < 0 ? -parsed.Mantissa : parsed.Mantissa;
        return new Quantity(mantissa, parsed.Exponent, format, null);
    }

    public static Quantity FromInt64(long value, QuantityFormat format = QuantityFormat.DecimalSI) =>
        new(new BigInteger(value), 0, format, null);

    /// <summary>The value as a <see cref="decimal"/>; throws <see cref="OverflowException"/> when it does not fit.</summary>
    public decimal ToDecimal() =>
        TryGetDecimal(out var value) ? value : throw new OverflowException($"quantity {text} does not fit in a decimal");

    public bool TryGetDecimal(out decimal value)
    {
        value = 0;
        try
        {
            if (Exponent >= 0)
            {
                value = (decimal)(Mantissa * BigInteger.Pow(10, Exponent));
            }
            else
            {
                var digits = BigInteger.Abs(Mantissa).ToString(CultureInfo.InvariantCulture);
                var scale = -Exponent;
                var s = digits.Length > scale
                    ? string.Concat(digits.AsSpan(0, digits.Length - scale), ".", digits.AsSpan(digits.Length - scale))
                    : string.Concat("0.", new string('0', scale - digits.Length), digits);
                value = decimal.Parse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
                if (Mantissa.Sign < 0)
                {
                    value = -value;
                }
            }

            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>The value in thousandths, rounded up (<c>MilliValue</c> upstream; saturates at the range of long).</summary>
    public long ToMilliValue() => ScaledCeiling(-3);

    /// <summary>The value rounded up to a whole number (<c>Value</c> upstream; saturates at the range of long).</summary>
    public long ToInt64() => ScaledCeiling(0);

    /// <summary>The form the API server writes: <c>1.5</c> → <c>1500m</c>, <c>1024Mi</c> → <c>1Gi</c>, <c>1000</c> → <c>1k</c>.</summary>
    public string ToCanonicalString() => Canonicalize(Mantissa, Exponent, Format);

    /// <summary>The string the quantity was parsed from (or the canonical form when built from a number).</summary>
    public override string ToString() => text;

    public bool Equals(Quantity? other) => other is not null && Mantissa == other.Mantissa && Exponent == other.Exponent;

    public override bool Equals(object? obj) => obj is Quantity other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Mantissa, Exponent);

    public int CompareTo(Quantity? other) => other is null ? 1 : Compare(Mantissa, Exponent, other.Mantissa, other.Exponent);

    private static int Compare(Quantity? left, Quantity? right) => left is null ? (right is null ? 0 : -1) : left.CompareTo(right);

    private static int Compare(BigInteger m1, int e1, BigInteger m2, int e2)
    {
        var e = Math.Min(e1, e2);
        return (m1 * BigInteger.Pow(10, e1 - e)).CompareTo(m2 * BigInteger.Pow(10, e2 - e));
    }

    private long ScaledCeiling(int exponent)
    {
        BigInteger scaled;
        if (Exponent >= exponent)
        {
            scaled = Mantissa * BigInteger.Pow(10, Exponent - exponent);
        }
        else
        {
            var quotient = BigInteger.DivRem(Mantissa, BigInteger.Pow(10, exponent - Exponent), out var remainder);
            scaled = remainder.Sign > 0 ? quotient + 1 : quotient;
        }

        return scaled > long.MaxValue ? long.MaxValue : scaled < long.MinValue ? long.MinValue : (long)scaled;
    }

    private static string Canonicalize(BigInteger mantissa, int exponent, QuantityFormat format)
    {
        if (mantissa.IsZero)
        {
            return "0";
        }

        if (format == QuantityFormat.BinarySI)
        {
            if (Compare(BigInteger.Abs(mantissa), exponent, new BigInteger(1024), 0) < 0 || exponent < 0)
            {
                format = QuantityFormat.DecimalSI;
            }
            else
            {
                var value = mantissa * BigInteger.Pow(10, exponent);
                var power = 0;
                while (power < BinarySuffixes.Length - 1 && (value % 1024).IsZero)
                {
                    value /= 1024;
                    power++;
                }

                return value.ToString(CultureInfo.InvariantCulture) + BinarySuffixes[power];
            }
        }

        // The mantissa holds no factor of ten; move the exponent down to a multiple of three.
        while (exponent % 3 != 0)
        {
            mantissa *= 10;
            exponent--;
        }

        if (format == QuantityFormat.DecimalExponent)
        {
            var digits = mantissa.ToString(CultureInfo.InvariantCulture);
            return exponent == 0 ? digits : digits + "e" + exponent.ToString(CultureInfo.InvariantCulture);
        }

        if (exponent > 18)
        {
            mantissa *= BigInteger.Pow(10, exponent - 18);
            exponent = 18;
        }

        var suffix = exponent switch
        {
            -9 => "n",
            -6 => "u",
            -3 => "m",
            0 => "",
            3 => "k",
            6 => "M",
            9 => "G",
            12 => "T",
            15 => "P",
            _ => "E",
        };
        return mantissa.ToString(CultureInfo.InvariantCulture) + suffix;
    }

    // A port of parseQuantityString: sign, numerator (leading zeros dropped), denominator, suffix.
    private static bool TrySplit(string s, out bool positive, out string num, out string denom, out string suffix)
    {
        positive = true;
        num = "0";
        denom = "";
        suffix = "";
        var pos = 0;
        var end = s.Length;
        if (s[0] == '-')
        {
            positive = false;
            pos++;
        }
        else if (s[0] == '+')
        {
            pos++;
        }

        while (pos < end && s[pos] == '0')
        {
            pos++;
        }

        if (pos >= end)
        {
            return true;
        }

        var start = pos;
        while (pos < end && char.IsAsciiDigit(s[pos]))
        {
            pos++;
        }

        if (pos > start)
        {
            num = s[start..pos];
        }

        if (pos < end && s[pos] == '.')
        {
            pos++;
            start = pos;
            while (pos < end && char.IsAsciiDigit(s[pos]))
            {
                pos++;
            }

            denom = s[start..pos];
        }

        var suffixStart = pos;
        while (pos < end && "eEinumkKMGTP".Contains(s[pos], StringComparison.Ordinal))
        {
            pos++;
        }

        if (pos < end && (s[pos] == '-' || s[pos] == '+'))
        {
            pos++;
        }

        while (pos < end && char.IsAsciiDigit(s[pos]))
        {
            pos++;
        }

        suffix = s[suffixStart..];
        return pos == end;
    }

    private static bool TryInterpretSuffix(string suffix, out bool binary, out int exponent, out QuantityFormat format)
    {
        binary = false;
        format = QuantityFormat.DecimalSI;
        exponent = suffix switch
        {
            "n" => -9,
            "u" => -6,
            "m" => -3,
            "" => 0,
            "k" => 3,
            "M" => 6,
            "G" => 9,
            "T" => 12,
            "P" => 15,
            "E" => 18,
            _ => int.MinValue,
        };
        if (exponent != int.MinValue)
        {
            return true;
        }

        var power = Array.IndexOf(BinarySuffixes, suffix);
        if (power > 0)
        {
            binary = true;
            exponent = power * 10;
            format = QuantityFormat.BinarySI;
            return true;
        }

        format = QuantityFormat.DecimalExponent;
        exponent = 0;
        return suffix.Length > 1 && (suffix[0] == 'e' || suffix[0] == 'E')
            && int.TryParse(suffix.AsSpan(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent)
            && exponent is > -1000 and < 1000;
    }
}
