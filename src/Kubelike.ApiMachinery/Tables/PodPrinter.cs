using System.Text.Json.Nodes;
using static Kubelike.ApiMachinery.Tables.TableJson;

namespace Kubelike.ApiMachinery.Tables;

/// <summary>
/// A pod's row as kube-apiserver 1.33 prints it: Ready counts ready containers (started sidecars included), Status
/// is the phase refined by init progress, waiting/terminated container reasons, SchedulingGated and Terminating,
/// Restarts carries the time of the last restart ("3 (5m ago)").
/// </summary>
internal static class PodPrinter
{
    public static IReadOnlyList<JsonNode?> Cells(JsonObject pod, DateTimeOffset now)
    {
        var restarts = 0L;
        var sidecarRestarts = 0L;
        DateTimeOffset? lastRestart = null;
        DateTimeOffset? lastSidecarRestart = null;
        var initSpecs = Objects(pod, "spec", "initContainers").ToList();
        var totalContainers = Count(pod, "spec", "containers");
        var readyContainers = 0;

        var phase = Str(pod, "status", "phase");
        var reason = Str(pod, "status", "reason") is { Length: > 0 } r ? r : phase;
        foreach (var condition in Objects(pod, "status", "conditions"))
        {
            if (Str(condition, "type") == "PodScheduled" && Str(condition, "reason") == "SchedulingGated")
                reason = "SchedulingGated";
        }

        var sidecars = new HashSet<string>(StringComparer.Ordinal);
        foreach (var init in initSpecs)
        {
            if (Str(init, "restartPolicy") == "Always")
            {
                sidecars.Add(Str(init, "name"));
                totalContainers++;
            }
        }

        var initializing = false;
        var initIndex = 0;
        foreach (var container in Objects(pod, "status", "initContainerStatuses"))
        {
            var index = initIndex++;
            var count = Int(container, "restartCount");
            var finishedAt = Time(container, "lastState", "terminated", "finishedAt");
            restarts += count;
            lastRestart = Later(lastRestart, finishedAt);
            var sidecar = sidecars.Contains(Str(container, "name"));
            if (sidecar)
            {
                sidecarRestarts += count;
                lastSidecarRestart = Later(lastSidecarRestart, finishedAt);
            }
            var terminated = At(container, "state", "terminated") as JsonObject;
            var waiting = At(container, "state", "waiting") as JsonObject;
            if (terminated is not null && Int(terminated, "exitCode") == 0)
                continue;
            if (sidecar && Bool(container, "started"))
            {
                if (Bool(container, "ready"))
                    readyContainers++;
                continue;
            }
            if (terminated is not null)
            {
                reason = Str(terminated, "reason") is { Length: > 0 } tr ? "Init:" + tr
                    : Int(terminated, "signal") != 0 ? $"Init:Signal:{Int(terminated, "signal")}"
                    : $"Init:ExitCode:{Int(terminated, "exitCode")}";
            }
            else if (waiting is not null && Str(waiting, "reason") is { Length: > 0 } wr && wr != "PodInitializing")
            {
                reason = "Init:" + wr;
            }
            else
            {
                reason = $"Init:{index}/{initSpecs.Count}";
            }
            initializing = true;
            break;
        }

        if (!initializing || ConditionTrue(pod, "Initialized"))
        {
            restarts = sidecarRestarts;
            lastRestart = lastSidecarRestart;
            var hasRunning = false;
            var statuses = Objects(pod, "status", "containerStatuses").ToList();
            for (var i = statuses.Count - 1; i >= 0; i--)
            {
                var container = statuses[i];
                restarts += Int(container, "restartCount");
                lastRestart = Later(lastRestart, Time(container, "lastState", "terminated", "finishedAt"));
                var terminated = At(container, "state", "terminated") as JsonObject;
                if (Str(container, "state", "waiting", "reason") is { Length: > 0 } waitingReason)
                    reason = waitingReason;
                else if (terminated is not null && Str(terminated, "reason") is { Length: > 0 } terminatedReason)
                    reason = terminatedReason;
                else if (terminated is not null)
                    reason = Int(terminated, "signal") != 0 ? $"Signal:{Int(terminated, "signal")}" : $"ExitCode:{Int(terminated, "exitCode")}";
                else if (Bool(container, "ready") && At(container, "state", "running") is JsonObject)
                {
                    hasRunning = true;
                    readyContainers++;
                }
            }
            if (reason == "Completed" && hasRunning)
                reason = ConditionTrue(pod, "Ready") ? "Running" : "NotReady";
        }

        if (Deleting(pod) && Str(pod, "status", "reason") == "NodeLost")
            reason = "Unknown";
        else if (Deleting(pod) && phase is not ("Succeeded" or "Failed"))
            reason = "Terminating";

        var restartsText = restarts != 0 && lastRestart is { } last ? $"{restarts} ({Since(last, now)} ago)" : restarts.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var podIPs = Objects(pod, "status", "podIPs").ToList();
        var podIP = podIPs.Count > 0 ? Str(podIPs[0], "ip") : "";
        var nodeName = Str(pod, "spec", "nodeName");
        var nominated = Str(pod, "status", "nominatedNodeName");

        var readinessGates = None;
        var gates = Objects(pod, "spec", "readinessGates").ToList();
        if (gates.Count > 0)
        {
            var trueConditions = gates.Count(g => ConditionTrue(pod, Str(g, "conditionType")));
            readinessGates = $"{trueConditions}/{gates.Count}";
        }

        return [Name(pod), $"{readyContainers}/{totalContainers}", reason, restartsText, Age(pod, now),
            podIP.Length == 0 ? None : podIP, nodeName.Length == 0 ? None : nodeName, nominated.Length == 0 ? None : nominated, readinessGates];
    }

    /// <summary>Whether the first condition of the type has status True.</summary>
    private static bool ConditionTrue(JsonObject pod, string type) =>
        Objects(pod, "status", "conditions").FirstOrDefault(c => Str(c, "type") == type) is { } c && Str(c, "status") == "True";

    private static DateTimeOffset? Later(DateTimeOffset? current, DateTimeOffset? candidate) =>
        candidate is { } c && (current is null || current < c) ? c : current;
}
