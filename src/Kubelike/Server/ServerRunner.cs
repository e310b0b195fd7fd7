using Kubelike.ApiServer.Health;
using Kubelike.ApiServer.Hosting;
using Kubelike.Client.Configuration;
using Kubelike.Client.Rest;
using Kubelike.Controllers.Hosting;
using Kubelike.Storage;
using Kubelike.Storage.Embedded;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Kubelike.Server;

/// <summary>
/// Composes and runs the server. Hosted services start in registration order and stop in reverse, and the
/// web server is started last and stopped first, so: lock, certificates, PostgreSQL, store, HTTPS.
/// </summary>
internal static class ServerRunner
{
    /// <summary>Long enough for the store to drain and PostgreSQL to stop (pg_ctl has its own 60 s limit).</summary>
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(90);

    public static async Task<int> RunAsync(ServerOptions options, CancellationToken cancellationToken)
    {
        var startupLogFilter = new StartupLogFilter();
        WebApplication built;
        try
        {
            built = Build(options, startupLogFilter);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"kubelike server: {Describe(e)}");
            return 1;
        }

        await using var app = built;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Kubelike.Server");
        logger.LogInformation("kubelike server starting (data directory {DataDirectory})", options.DataDirectory);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (Exception e)
        {
            logger.LogCritical("kubelike server failed to start: {Reason}", Describe(e));
            await StopQuietlyAsync(app);
            return 1;
        }

        startupLogFilter.MarkStarted();
        var kubeconfig = app.Services.GetRequiredService<ApiServerOptions>().AdminKubeconfigPath;
        logger.LogInformation("kubelike server ready; point kubectl at it with: export KUBECONFIG={Kubeconfig}", Path.GetFullPath(kubeconfig));
        await WaitForShutdownSignalAsync(app, cancellationToken);
        logger.LogInformation("kubelike server shutting down");
        try
        {
            await app.StopAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogError("kubelike server did not shut down cleanly: {Reason}", Describe(e));
            return 1;
        }

        logger.LogInformation("kubelike server stopped");
        return 0;
    }

    private static WebApplication Build(ServerOptions options, StartupLogFilter startupLogFilter)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            // Not the working directory: no stray appsettings.json or file watchers from wherever we were started.
            ContentRootPath = AppContext.BaseDirectory,
        });

        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        });
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Error);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter(StartupLogFilter.HostCategory, startupLogFilter.Allows);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddHostedService<DataDirectoryLockService>();
        services.AddApiServer(new ApiServerOptions
        {
            DataDirectory = options.DataDirectory,
            BindAddress = options.BindAddress,
            SecurePort = options.SecurePort,
            ServiceNetwork = options.ServiceNetwork,
            DefaultNotReadyTolerationSeconds = options.DefaultNotReadyTolerationSeconds,
            DefaultUnreachableTolerationSeconds = options.DefaultUnreachableTolerationSeconds,
        });

        if (options.DatastoreEndpoint is { } endpoint)
        {
            var connectionString = PostgresEndpoint.ToConnectionString(endpoint);
            services.AddSingleton(new DatastoreConnection("external PostgreSQL " + DescribeHost(connectionString), () => connectionString));
        }
        else
        {
            services.AddSingleton(provider => new EmbeddedPostgres(
                new EmbeddedPostgresOptions { DataDirectory = options.EmbeddedPostgresDirectory, Durable = true },
                provider.GetRequiredService<ILogger<EmbeddedPostgres>>()));
            services.AddHostedService<EmbeddedPostgresService>();
            services.AddSingleton(provider =>
            {
                var postgres = provider.GetRequiredService<EmbeddedPostgres>();
                return new DatastoreConnection("embedded PostgreSQL in " + options.EmbeddedPostgresDirectory, () => postgres.ConnectionString);
            });
        }

        services.AddSingleton<ObjectStoreService>();
        services.AddHostedService(provider => provider.GetRequiredService<ObjectStoreService>());
        services.AddSingleton(provider => provider.GetRequiredService<ObjectStoreService>().Store);
        services.AddKubernetesApi(options.TokenAuthFile);
        if (!options.NoControllers)
        {
            // Over HTTPS with the admin kubeconfig, written once the API has started, as any client would.
            services.AddHostedService(provider => new ControllerManager(
                () => new KubernetesClient(KubernetesClientConfiguration.FromKubeconfig(provider.GetRequiredService<ApiServerOptions>().AdminKubeconfigPath)),
                provider.GetRequiredService<IHostApplicationLifetime>(),
                provider.GetRequiredService<ILoggerFactory>(),
                localPath: new Kubelike.Controllers.Volumes.LocalPathOptions(options.LocalPathDirectory),
                nodeLifecycle: options.NodeLifecycle));
        }
        if (options.ContainerRuntimeEndpoint is not null)
            services.AddHostedService<NodeAgentService>();

        builder.WebHost.UseApiServerKestrel();

        var app = builder.Build();
        app.UseKubernetesApi();
        app.MapHealthApi();
        return app;
    }

    /// <summary>Until Ctrl-C/SIGTERM (the host's console lifetime turns them into ApplicationStopping) or cancellation.</summary>
    private static async Task WaitForShutdownSignalAsync(WebApplication app, CancellationToken cancellationToken)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(app.Lifetime.ApplicationStopping, cancellationToken);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, stopping.Token);
        }
        catch (OperationCanceledException)
        {
            // The signal we were waiting for.
        }
    }

    /// <summary>Host, port and database only: the connection string may hold a password.</summary>
    private static string DescribeHost(string connectionString)
    {
        var parsed = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        return $"{parsed.Host}:{parsed.Port}/{parsed.Database}";
    }

    private static async Task StopQuietlyAsync(WebApplication app)
    {
        try
        {
            await app.StopAsync(CancellationToken.None);
        }
        catch (Exception)
        {
            // The start-up error is what gets reported; disposal still stops PostgreSQL and frees the lock.
        }
    }

    /// <summary>The messages of an exception and its causes on one line; stack traces help nobody here.</summary>
    private static string Describe(Exception exception)
    {
        var messages = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is AggregateException { InnerExceptions.Count: 1 } aggregate)
            {
                e = aggregate.InnerExceptions[0];
            }

            if (!messages.Any(m => m.Contains(e.Message, StringComparison.Ordinal)))
            {
                messages.Add(e.Message);
            }
        }

        return string.Join(": ", messages).ReplaceLineEndings(" | ");
    }
}
