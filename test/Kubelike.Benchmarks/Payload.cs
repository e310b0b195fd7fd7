using System.Text;

namespace Kubelike.Benchmarks;

/// <summary>The object every scenario writes: a ConfigMap-like JSON document of exactly 1 KiB.</summary>
internal static class Payload
{
    public const int Size = 1024;

    public static byte[] Json { get; } = Build();

    private static byte[] Build()
    {
        const string Prefix = """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"bench","namespace":"default","labels":{"app":"bench"}},"data":{"blob":""";
        const string Suffix = "\"}}";
        // Varied letters rather than one repeated byte, so nothing along the way gets to compress it to nothing.
        var random = new Random(1024);
        var padding = new StringBuilder(Size);
        while (padding.Length < Size - Prefix.Length - Suffix.Length)
            padding.Append((char)('a' + random.Next(26)));
        var bytes = Encoding.UTF8.GetBytes(Prefix + padding + Suffix);
        if (bytes.Length != Size)
            throw new InvalidOperationException($"payload is {bytes.Length} bytes, not {Size}");
        return bytes;
    }
}
