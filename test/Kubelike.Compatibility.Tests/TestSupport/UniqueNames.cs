namespace Kubelike.Compatibility.Tests.TestSupport;

/// <summary>Names no other test uses: tests of a fixture share one server, so each works in a namespace of its own.</summary>
public static class UniqueNames
{
    /// <summary><paramref name="prefix"/> plus 8 random hex digits: a valid DNS-1123 label when the prefix is one of at most 50 characters.</summary>
    public static string Of(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];
}
