using Kubelike.Api.Core.V1;
using Kubelike.Api.Primitives;

namespace Kubelike.ApiMachinery.Validation.Core;

/// <summary>A container's (or pod's) requests and limits: known resource names, no negative amounts, requests within limits.</summary>
public sealed class ResourceRequirementsValidator : FieldValidator<ResourceRequirements>
{
    public static ResourceRequirementsValidator Instance { get; } = new();

    private static readonly string[] StandardContainerResources = ["cpu", "memory", "ephemeral-storage"];

    public ResourceRequirementsValidator()
    {
        Check((requirements, e) =>
        {
            var limitsPath = e.Path.Child("limits");
            foreach (var (name, quantity) in Maps.Sorted(requirements.Limits))
            {
                ResourceEntry(e, limitsPath.Key(name), name, quantity);
            }
            var requestsPath = e.Path.Child("requests");
            foreach (var (name, quantity) in Maps.Sorted(requirements.Requests))
            {
                ResourceEntry(e, requestsPath.Key(name), name, quantity);
                if (requirements.Limits?.TryGetValue(name, out var limit) == true && limit is not null && quantity is not null)
                {
                    if (!OvercommitAllowed(name) && quantity.CompareTo(limit) != 0)
                    {
                        e.Invalid(requestsPath, quantity.ToString(), $"must be equal to {name} limit of {limit}");
                    }
                    else if (quantity > limit)
                    {
                        e.Invalid(requestsPath, quantity.ToString(), $"must be less than or equal to {name} limit of {limit}");
                    }
                }
            }
        });
    }

    private static void ResourceEntry(FieldErrorCollector e, FieldPath at, string name, Quantity? quantity)
    {
        ResourceName(e, at, name);
        NonnegativeQuantity(e, at, quantity);
    }

    /// <summary>A resource name in a container's resources: a standard one, or a qualified extended resource.</summary>
    public static void ResourceName(FieldErrorCollector e, FieldPath at, string name)
    {
        ArgumentNullException.ThrowIfNull(e);
        e.QualifiedName(at, name);
        if (!name.Contains('/', StringComparison.Ordinal))
        {
            if (!StandardContainerResources.Contains(name) && !name.StartsWith("hugepages-", StringComparison.Ordinal))
            {
                e.Invalid(at, name, "must be a standard resource for containers");
            }
        }
        else if (!name.Contains("kubernetes.io/", StringComparison.Ordinal) && name.StartsWith("requests.", StringComparison.Ordinal))
        {
            e.Invalid(at, name, "doesn't follow extended resource name standard");
        }
    }

    public static void NonnegativeQuantity(FieldErrorCollector e, FieldPath at, Quantity? quantity)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (quantity is { Sign: < 0 })
        {
            e.Invalid(at, quantity.ToString(), FieldErrorCollector.IsNegativeErrorMessage);
        }
    }

    /// <summary>Only native compute resources may request less than their limit; extended resources and hugepages may not.</summary>
    private static bool OvercommitAllowed(string name) =>
        (!name.Contains('/', StringComparison.Ordinal) || name.Contains("kubernetes.io/", StringComparison.Ordinal))
        && !name.StartsWith("hugepages-", StringComparison.Ordinal);
}
