namespace Kubelike.ApiServer.Admission;

/// <summary>What a request does to an object, in admission's terms (upstream's CREATE/UPDATE/DELETE/CONNECT).</summary>
public enum AdmissionOperation
{
    Create,
    Update,
    Delete,
    Connect,
}
