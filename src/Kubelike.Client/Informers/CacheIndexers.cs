using Kubelike.Client.Rest;

namespace Kubelike.Client.Informers;

/// <summary>The index functions controllers use most.</summary>
public static class CacheIndexers
{
    public const string Namespace = "namespace";

    /// <summary>By the uid of the owner reference with <c>controller: true</c> (a ReplicaSet's pods by ReplicaSet uid).</summary>
    public const string ControllerUid = "controller-uid";

    public static IEnumerable<string> ByNamespace(object obj) =>
        ObjectAccessor.GetNamespace(obj) is { Length: > 0 } ns ? [ns] : [];

    public static IEnumerable<string> ByControllerUid(object obj) =>
        ObjectAccessor.GetControllerUid(obj) is { Length: > 0 } uid ? [uid] : [];
}
