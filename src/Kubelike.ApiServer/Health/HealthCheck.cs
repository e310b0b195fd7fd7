using Microsoft.AspNetCore.Http;

namespace Kubelike.ApiServer.Health;

/// <summary>One named check of /healthz, /livez or /readyz; the delegate returns null when healthy, else the reason.</summary>
internal sealed record HealthCheck(string Name, Func<HttpContext, Task<string?>> Run);
