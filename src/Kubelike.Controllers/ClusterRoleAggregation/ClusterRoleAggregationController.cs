using System.Text.Json;
using Kubelike.Api;
using Kubelike.Api.Meta.V1;
using Kubelike.Api.Rbac.V1;
using Kubelike.Client.Informers;
using Kubelike.Client.Rest;
using Kubelike.Controllers.Runtime;
using Microsoft.Extensions.Logging;

namespace Kubelike.Controllers.ClusterRoleAggregation;

/// <summary>
/// Fills in the rules of every ClusterRole with an aggregationRule, as upstream's clusterrole-aggregation controller:
/// the rules of the ClusterRoles its selectors match (any selector; an empty selector matches all), in name order,
/// each distinct rule once. Any ClusterRole change requeues every aggregated role, since labels decide membership.
/// </summary>
public sealed class ClusterRoleAggregationController : Reconciler
{
    private readonly KubernetesClient _client;
    private readonly SharedInformer<ClusterRole> _clusterRoles;

    public ClusterRoleAggregationController(KubernetesClient client, SharedInformerFactory informers, ILogger<ClusterRoleAggregationController> logger)
        : base(logger)
    {
        _client = client;
        _clusterRoles = informers.GetInformer<ClusterRole>();
        _clusterRoles.AddEventHandler(new ResourceEventHandler<ClusterRole>
        {
            Added = (_, _) => EnqueueAggregated(),
            Updated = (_, _) => EnqueueAggregated(),
            Deleted = (_, _) => EnqueueAggregated(),
        });
    }

    private void EnqueueAggregated()
    {
        foreach (var role in _clusterRoles.Cache.List())
        {
            if (role.AggregationRule is not null)
                Queue.Add(role.Metadata!.Name!);
        }
    }

    protected override async Task ReconcileAsync(string key, CancellationToken cancellationToken)
    {
        if (_clusterRoles.Cache.Get(key) is not { AggregationRule: { } aggregation } role)
            return;
        var selectors = aggregation.ClusterRoleSelectors ?? [];
        var sources = _clusterRoles.Cache.List()
            .Where(other => other.Metadata!.Name != key && selectors.Any(selector => Matches(selector, other.Metadata.Labels)))
            .OrderBy(other => other.Metadata!.Name, StringComparer.Ordinal);
        var rules = new List<PolicyRule>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            foreach (var rule in source.Rules ?? [])
            {
                if (seen.Add(JsonSerializer.Serialize(rule, KubernetesJson.Options)))
                    rules.Add(rule);
            }
        }
        var current = JsonSerializer.Serialize(role.Rules ?? [], KubernetesJson.Options);
        if (current == JsonSerializer.Serialize(rules, KubernetesJson.Options))
            return;
        // A copy: objects in the informer cache are shared and must not change under other readers.
        var updated = JsonSerializer.Deserialize<ClusterRole>(JsonSerializer.Serialize(role, KubernetesJson.Options), KubernetesJson.Options)!;
        updated.Rules = rules;
        try
        {
            await _client.Resource<ClusterRole>().UpdateAsync(updated, cancellationToken: cancellationToken);
            Logger.LogDebug("aggregated {Count} rules into ClusterRole {Name}", rules.Count, key);
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
            // Deleted meanwhile.
        }
    }

    private static bool Matches(LabelSelector selector, IDictionary<string, string>? labels) =>
        ((selector.MatchLabels?.Count ?? 0) == 0 && (selector.MatchExpressions?.Count ?? 0) == 0) || LabelSelectors.Matches(selector, labels);
}
