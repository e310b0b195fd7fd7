using Kubelike.ApiMachinery.Errors;
using Microsoft.AspNetCore.Http;

namespace Kubelike.ApiServer.Resources;

/// <summary>
/// The REST verbs of <see cref="ApiRequestHandler"/>: <c>dryRun=All</c>. A dry run runs everything a write runs
/// (decoding, defaulting, validation) and answers with what would be stored, but stores nothing and so sends no
/// watch event.
/// </summary>
internal sealed partial class ApiRequestHandler
{
    private const string DryRunAll = "All";

    private static bool IsDryRun(HttpContext context) => context.Request.Query["dryRun"].Any(v => v == DryRunAll);

    /// <summary>
    /// Refuses any dryRun value but "All", as upstream validates the options of a write (422 on the options kind:
    /// CreateOptions, UpdateOptions, PatchOptions or DeleteOptions).
    /// </summary>
    private static void ValidateDryRun(HttpContext context, string verb, IReadOnlyList<string>? bodyValues = null)
    {
        var values = context.Request.Query["dryRun"].Select(v => v ?? "").Concat(bodyValues ?? []).ToList();
        if (values.All(v => v == DryRunAll))
            return;
        var options = verb switch
        {
            "create" => "CreateOptions",
            "update" => "UpdateOptions",
            "patch" => "PatchOptions",
            _ => "DeleteOptions",
        };
        throw ApiException.Invalid("meta.k8s.io", options, "", [FieldError.NotSupported("dryRun", values, [DryRunAll])]);
    }
}
