using System.CommandLine;
using System.Runtime.InteropServices;
using Kubelike.Client.Configuration;
using Kubelike.Client.Informers;
using Kubelike.Client.Rest;
using Kubelike.Controllers.Scheduling;
using Microsoft.Extensions.Logging;

namespace Kubelike.Cli;

/// <summary><c>kubelike scheduler</c>: the scheduler on its own, against any API server a kubeconfig reaches.</summary>
internal static class SchedulerCommand
{
    public static Command Create()
    {
        var kubeconfig = new Option<string>("--kubeconfig")
        {
            Description = "Kubeconfig of the API server",
            Required = true,
        };
        var schedulerName = new Option<string>("--scheduler-name")
        {
            Description = "Schedule the pods whose spec.schedulerName is this",
            DefaultValueFactory = _ => SchedulerOptions.DefaultSchedulerName,
        };
        var command = new Command("scheduler", "Run the scheduler against an API server (kubelike server runs one unless --no-controllers)")
        {
            kubeconfig,
            schedulerName,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var loggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss.fff ";
            }));
            KubernetesClientConfiguration configuration;
            try
            {
                configuration = KubernetesClientConfiguration.FromKubeconfig(parseResult.GetValue(kubeconfig));
            }
            catch (KubeconfigException e)
            {
                await Console.Error.WriteLineAsync($"kubelike scheduler: {e.Message}");
                return 1;
            }

            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            using var client = new KubernetesClient(configuration);
            await using var informers = new SharedInformerFactory(client, loggerFactory: loggerFactory);
            using var scheduler = new Scheduler(client, informers, loggerFactory.CreateLogger<Scheduler>(), new SchedulerOptions { SchedulerName = parseResult.GetValue(schedulerName)! });
            informers.Start(stopping.Token);
            if (!await informers.WaitForCacheSyncAsync(stopping.Token))
                return 0;
            await scheduler.RunAsync(stopping.Token);
            return 0;

            void Stop(PosixSignalContext context)
            {
                context.Cancel = true;
                stopping.Cancel();
            }
        });
        return command;
    }
}
