using System.Text.Json.Serialization;
using Kubelike.Api.Core.V1;
using Kubelike.Api.Primitives;
using Kubelike.Api.Schema;

namespace Kubelike.Api.Batch.V1;

[Description("CronJobStatus represents the current state of a cron job.")]
public class CronJobStatus
{
    [JsonPropertyName("active")]
    [ProtoField(1)]
    [ListType("atomic")]
    [Description("A list of pointers to currently running jobs.")]
    public IList<ObjectReference>? Active { get; set; }

    [JsonPropertyName("lastScheduleTime")]
    [ProtoField(4)]
    [Description("Information when was the last time the job was successfully scheduled.")]
    public Time? LastScheduleTime { get; set; }

    [JsonPropertyName("lastSuccessfulTime")]
    [ProtoField(5)]
    [Description("Information when was the last time the job successfully completed.")]
    public Time? LastSuccessfulTime { get; set; }
}
