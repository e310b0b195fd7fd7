using System.Text.Json.Serialization;
using Kubelike.Api.Primitives;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Coordination.V1;

[Description("LeaseSpec is a specification of a Lease.")]
public class LeaseSpec
{
    [JsonPropertyName("holderIdentity")]
    [ProtoField(1)]
    [Description("holderIdentity contains the identity of the holder of a current lease. If Coordinated Leader Election is used, the holder identity must be equal to the elected LeaseCandidate.metadata.name field.")]
    public string? HolderIdentity { get; set; }

    [JsonPropertyName("leaseDurationSeconds")]
    [ProtoField(2)]
    [Description("leaseDurationSeconds is a duration that candidates for a lease need to wait to force acquire it. This is measured against the time of last observed renewTime.")]
    public int? LeaseDurationSeconds { get; set; }

    [JsonPropertyName("acquireTime")]
    [ProtoField(3)]
    [Description("acquireTime is a time when the current lease was acquired.")]
    public MicroTime? AcquireTime { get; set; }

    [JsonPropertyName("renewTime")]
    [ProtoField(4)]
    [Description("renewTime is a time when the current holder of a lease has last updated the lease.")]
    public MicroTime? RenewTime { get; set; }

    [JsonPropertyName("leaseTransitions")]
    [ProtoField(5)]
    [Description("leaseTransitions is the number of transitions of a lease between holders.")]
    public int? LeaseTransitions { get; set; }

    [JsonPropertyName("strategy")]
    [ProtoField(6)]
    [Description("Strategy indicates the strategy for picking the leader for coordinated leader election. If the field is not specified, there is no active coordination for this lease. (Alpha) Using this field requires the CoordinatedLeaderElection feature gate to be enabled.")]
    public string? Strategy { get; set; }

    [JsonPropertyName("preferredHolder")]
    [ProtoField(7)]
    [Description("PreferredHolder signals to a lease holder that the lease has a more optimal holder and should be given up. This field can only be set if Strategy is also set.")]
    public string? PreferredHolder { get; set; }
}
