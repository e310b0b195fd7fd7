using Kubelike.ApiMachinery.Registry;
using Microsoft.AspNetCore.Http;

namespace Kubelike.ApiServer.Resources;

/// <summary>Builds the <see cref="ObjectFilter"/> of a request from its labelSelector and fieldSelector.</summary>
internal static class ObjectFilters
{
    public static ObjectFilter FromQuery(IQueryCollection query, ResourceDefinition resource)
    {
        var labelSelector = query["labelSelector"].ToString();
        var fieldSelector = query["fieldSelector"].ToString();
        if (labelSelector.Length == 0 && fieldSelector.Length == 0)
            return ObjectFilter.Everything;
        var labels = labelSelector.Length == 0 ? null : Kubelike.ApiMachinery.Selectors.LabelSelector.Parse(labelSelector);
        var fields = fieldSelector.Length == 0 ? null : Kubelike.ApiMachinery.Selectors.FieldSelector.Parse(fieldSelector, resource);
        return new ObjectFilter(obj => (labels is null || labels.Matches(ObjectJson.Labels(obj))) && (fields is null || fields.Matches(obj)));
    }
}
