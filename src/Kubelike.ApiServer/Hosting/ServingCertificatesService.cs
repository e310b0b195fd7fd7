using Kubelike.ApiServer.Tls;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kubelike.ApiServer.Hosting;

/// <summary>
/// Loads or creates the certificates when the host starts (so after the data directory lock, which is
/// registered earlier), and rewrites the admin kubeconfig once the host has started (storage open, HTTPS
/// listening), so that a kubeconfig that names the current port and CA also means a server that answers.
/// </summary>
public sealed class ServingCertificatesService(ApiServerOptions options, IHostApplicationLifetime lifetime, ILoggerFactory loggerFactory) : IHostedService, IDisposable
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<ServingCertificatesService>();
    private ServingCertificates? _certificates;

    public ServingCertificates Certificates => _certificates ?? throw new InvalidOperationException("the serving certificates are not loaded yet");

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _certificates ??= ServingCertificates.LoadOrCreate(options.PkiDirectory, [options.BindAddress], loggerFactory.CreateLogger<ServingCertificates>());
        lifetime.ApplicationStarted.Register(WriteKubeconfig);
        return Task.CompletedTask;
    }

    private void WriteKubeconfig()
    {
        AdminKubeconfig.Write(options.AdminKubeconfigPath, options.ClientUrl, Certificates);
        _logger.LogInformation("wrote the admin kubeconfig {Path} for {Url}", options.AdminKubeconfigPath, options.ClientUrl);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _certificates?.Dispose();
}
