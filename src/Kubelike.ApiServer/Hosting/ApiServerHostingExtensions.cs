using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;

namespace Kubelike.ApiServer.Hosting;

/// <summary>Registration of the API server's services and its HTTPS endpoint.</summary>
public static class ApiServerHostingExtensions
{
    /// <summary>
    /// Registers the options and the certificates. The certificates are made by a hosted service, so in
    /// start order after the hosted services registered before this call (such as the data directory lock).
    /// </summary>
    public static IServiceCollection AddApiServer(this IServiceCollection services, ApiServerOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<ServingCertificatesService>();
        services.AddHostedService(provider => provider.GetRequiredService<ServingCertificatesService>());
        services.AddSingleton(provider => provider.GetRequiredService<ServingCertificatesService>().Certificates);
        return services;
    }

    /// <summary>One HTTPS endpoint on the bind address and secure port, HTTP/1.1 and HTTP/2 (kubectl uses HTTP/2).</summary>
    public static IWebHostBuilder UseApiServerKestrel(this IWebHostBuilder builder)
    {
        // The slim builder leaves HTTPS out unless asked for.
        builder.UseKestrelHttpsConfiguration();
        return builder.ConfigureKestrel(kestrel =>
        {
            var options = kestrel.ApplicationServices.GetRequiredService<ApiServerOptions>();
            var certificates = kestrel.ApplicationServices.GetRequiredService<ServingCertificatesService>();
            kestrel.AddServerHeader = false;
            kestrel.Listen(options.BindAddress, options.SecurePort, listen =>
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(new HttpsConnectionAdapterOptions
                {
                    // Per handshake: this runs when the app is built, before the hosted service has made the certificates.
                    ServerCertificateSelector = (_, _) => certificates.Certificates.Server,
                    ClientCertificateMode = ClientCertificateMode.AllowCertificate,

                    // Any client certificate passes the handshake; authentication judges it against the cluster CA
                    // (as kube-apiserver does), so a bad one earns a 401 rather than a failed handshake.
                    ClientCertificateValidation = (_, _, _) => true,
                });
            });
        });
    }
}
