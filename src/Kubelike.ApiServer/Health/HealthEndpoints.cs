using System.Text;
using Kubelike.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kubelike.ApiServer.Health;

/// <summary>
/// /healthz, /livez and /readyz as kube-apiserver serves them: "ok" when every check passes, else 500 with
/// one <c>[+]name ok</c> / <c>[-]name failed: reason</c> line per check. <c>?verbose</c> lists the checks on
/// success too, <c>?exclude=name</c> skips one, and <c>/readyz/name</c> runs a single check.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>A store that cannot report its revision this quickly is not fit to serve.</summary>
    public static readonly TimeSpan StorageCheckTimeout = TimeSpan.FromSeconds(2);

    private static readonly HealthCheck Ping = new("ping", _ => Task.FromResult<string?>(null));

    private static readonly HealthCheck Storage = new("storage", CheckStorageAsync);

    /// <summary>Not ready once shutdown begins, so load balancers stop sending requests first.</summary>
    private static readonly HealthCheck Shutdown = new("shutdown", context =>
        Task.FromResult(context.RequestServices.GetService<IHostApplicationLifetime>()?.ApplicationStopping.IsCancellationRequested == true
            ? "process is shutting down"
            : null));

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder endpoints)
    {
        // Liveness must not depend on PostgreSQL: a restart would not bring it back.
        Map(endpoints, "healthz", [Ping]);
        Map(endpoints, "livez", [Ping]);
        Map(endpoints, "readyz", [Ping, Storage, Shutdown]);
        return endpoints;
    }

    private static void Map(IEndpointRouteBuilder endpoints, string endpoint, HealthCheck[] checks)
    {
        endpoints.MapGet("/" + endpoint, context => RunAllAsync(context, endpoint, checks));
        endpoints.MapGet("/" + endpoint + "/{check}", context =>
        {
            var name = context.Request.RouteValues["check"] as string;
            return checks.FirstOrDefault(c => c.Name == name) is { } single
                ? RunOneAsync(context, single)
                : WriteAsync(context, $"{endpoint} has no check named {name}\n", StatusCodes.Status404NotFound);
        });
    }

    private static async Task RunAllAsync(HttpContext context, string endpoint, HealthCheck[] checks)
    {
        var verbose = context.Request.Query.ContainsKey("verbose");
        var excluded = context.Request.Query["exclude"].Where(e => e is not null).ToHashSet(StringComparer.Ordinal);
        var report = new StringBuilder();
        var healthy = true;
        foreach (var check in checks)
        {
            if (excluded.Contains(check.Name))
            {
                report.Append("[+]").Append(check.Name).Append(" excluded: ok\n");
                continue;
            }

            var failure = await check.Run(context);
            healthy &= failure is null;
            report.Append(failure is null ? $"[+]{check.Name} ok\n" : $"[-]{check.Name} failed: {failure}\n");
        }

        if (healthy && !verbose)
        {
            await WriteAsync(context, "ok", StatusCodes.Status200OK);
            return;
        }

        report.Append(endpoint).Append(healthy ? " check passed\n" : " check failed\n");
        await WriteAsync(context, report.ToString(), healthy ? StatusCodes.Status200OK : StatusCodes.Status500InternalServerError);
    }

    private static async Task RunOneAsync(HttpContext context, HealthCheck check)
    {
        var failure = await check.Run(context);
        await (failure is null
            ? WriteAsync(context, "ok", StatusCodes.Status200OK)
            : WriteAsync(context, $"[-]{check.Name} failed: {failure}\n", StatusCodes.Status500InternalServerError));
    }

    private static Task WriteAsync(HttpContext context, string body, int status)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return context.Response.WriteAsync(body, Encoding.UTF8, context.RequestAborted);
    }

    private static async Task<string?> CheckStorageAsync(HttpContext context)
    {
        if (context.RequestServices.GetService<IObjectStore>() is not { } store)
        {
            return "no object store is configured";
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(StorageCheckTimeout);
        try
        {
            // WaitAsync as well, in case the store does not honour cancellation promptly.
            await store.GetRevisionsAsync(timeout.Token).WaitAsync(StorageCheckTimeout, context.RequestAborted);
            return null;
        }
        catch (Exception e) when (e is TimeoutException || (e is OperationCanceledException && !context.RequestAborted.IsCancellationRequested))
        {
            return $"no answer within {StorageCheckTimeout.TotalSeconds:0} s";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return OneLine(e.Message);
        }
    }

    private static string OneLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
