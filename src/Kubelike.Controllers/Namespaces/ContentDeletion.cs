namespace Kubelike.Controllers.Namespaces;

/// <summary>
/// The outcome of one pass over a terminating namespace's content: seconds the remaining content should still take,
/// how many resources still have objects, how many steps failed, and the conditions to report.
/// </summary>
internal sealed record ContentDeletion(long EstimateSeconds, int ResourcesRemaining, int Failures, NamespaceConditions Conditions)
{
    public bool Done => ResourcesRemaining == 0 && Failures == 0;
}
