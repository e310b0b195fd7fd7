using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kubelike.ApiServer.Discovery;

/// <summary>
/// <c>/version</c>. Kubelike serves the Kubernetes 1.33 API; kubectl's version dispatcher and Helm's
/// <c>.Capabilities.KubeVersion</c> read these fields, so gitVersion is valid semver with Kubelike as build metadata.
/// </summary>
public static class VersionEndpoint
{
    public const string Major = "1";
    public const string Minor = "33";
    public const string GitVersion = "v1.33.0+kubelike";

    public static IEndpointRouteBuilder MapVersionApi(this IEndpointRouteBuilder endpoints)
    {
        var assembly = typeof(VersionEndpoint).Assembly;
        var commit = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";
        var plus = commit.IndexOf('+', StringComparison.Ordinal);
        var body = new Dictionary<string, string>
        {
            ["major"] = Major,
            ["minor"] = Minor,
            ["gitVersion"] = GitVersion,
            ["gitCommit"] = plus >= 0 ? commit[(plus + 1)..] : "",
            ["gitTreeState"] = "clean",
            ["buildDate"] = File.GetLastWriteTimeUtc(assembly.Location).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            ["goVersion"] = "dotnet" + Environment.Version,
            ["compiler"] = "dotnet",
            ["platform"] = "linux/" + RuntimeInformation.OSArchitecture switch
            {
                Architecture.X64 => "amd64",
                Architecture.Arm64 => "arm64",
                var other => other.ToString().ToLowerInvariant(),
            },
        };
        endpoints.MapGet("/version", () => Results.Json(body));
        return endpoints;
    }
}
