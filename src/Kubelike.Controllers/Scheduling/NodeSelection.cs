namespace Kubelike.Controllers.Scheduling;

/// <summary>One scheduling decision: every node filtered, the feasible ones scored, the best one (ties at random) chosen.</summary>
public static class NodeSelection
{
    /// <summary>The best feasible node, or why there is none.</summary>
    public static (string? Node, FitFailure? Failure) Select(SchedulerCache cache, PodInfo pod)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(pod);
        lock (cache.Gate)
        {
            var nodes = cache.Nodes.ToList();
            var feasible = new List<NodeInfo>(nodes.Count);
            Dictionary<string, int>? reasons = null;
            foreach (var node in nodes)
            {
                var why = Filters.Check(pod, node);
                if (why.Count == 0)
                {
                    feasible.Add(node);
                    continue;
                }

                reasons ??= new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var reason in why)
                    reasons[reason] = reasons.GetValueOrDefault(reason) + 1;
            }

            if (feasible.Count == 0)
                return (null, new FitFailure(nodes.Count, reasons ?? []));
            if (feasible.Count == 1)
                return (feasible[0].Name, null);
            var scores = Scores.Score(pod, feasible);
            // The highest score wins; ties are broken at random, so equal nodes share the load.
            var best = 0;
            var ties = 1;
            for (var i = 1; i < scores.Length; i++)
            {
                if (scores[i] > scores[best])
                {
                    best = i;
                    ties = 1;
                }
                else if (scores[i] == scores[best] && Random.Shared.Next(++ties) == 0)
                {
                    best = i;
                }
            }

            return (feasible[best].Name, null);
        }
    }
}
