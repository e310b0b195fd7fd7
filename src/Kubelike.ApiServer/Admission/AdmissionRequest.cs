using System.Text.Json.Nodes;
using Kubelike.ApiMachinery.Registry;
using Kubelike.ApiServer.Authentication;

namespace Kubelike.ApiServer.Admission;

/// <summary>
/// One write as admission plugins see it. <see cref="NewObject"/> is the object about to be stored (mutating plugins
/// may change it; null for a delete); <see cref="OldObject"/> the stored one (null for a create).
/// </summary>
public sealed record AdmissionRequest(
    ResourceDefinition Resource,
    string Subresource,
    AdmissionOperation Operation,
    string Namespace,
    string Name,
    JsonObject? NewObject,
    JsonObject? OldObject,
    UserInfo User,
    bool DryRun);
