using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Kubelike.Benchmarks;

/// <summary>Command line of the benchmark program, plus the counts each mode runs with.</summary>
internal sealed record BenchmarkOptions
{
    public const string Usage = """
        usage: Kubelike.Benchmarks [--quick] [--only create|watch|list|api|apply|scheduling|podstartup] [--duration SECONDS] [--json FILE] [--verbose]
                                   [--nodes N] [--pods N] [--deployments N] [--startup-pods N]

          --quick             smaller counts and shorter measurements, for a smoke run
          --only SCENARIO     run one scenario: create, watch, list, api, apply or scheduling (repeatable, or comma-separated);
                              api, apply and scheduling start a kubelike server (kubelike.dll next to this program);
                              apply runs kubectl 1.35 from $KUBELIKE_TOOLS (default .tools/ of the repository)
                              podstartup (only when asked for: it runs real containers, as root) runs a node agent on the
                              containerd of $KUBELIKE_CONTAINERD_DIR, or on one it starts with hack/containerd.sh
          --startup-pods N    podstartup: pods per phase, one at a time and all at once (default 50, or 10 with --quick)
          --nodes N           scheduling: hollow nodes (default 100, or 10 with --quick)
          --pods N            scheduling: pods in all (default 3000, or 300 with --quick)
          --deployments N     scheduling: Deployments the pods come from (default 100, or 10 with --quick)
          --duration SECONDS  length of each throughput measurement and of each watch write phase
                              (default 10, or 2 with --quick)
          --json FILE         also write the figures to FILE as JSON
          --verbose           show the store's and PostgreSQL's informational log lines
        """;

    public bool Quick { get; init; }
    public bool Verbose { get; init; }
    public string? JsonPath { get; init; }
    public IReadOnlySet<string> Scenarios { get; init; } = AllScenarios;

    public int HollowNodes { get; init; } = 100;

    public int SchedulingPods { get; init; } = 3000;

    public int Deployments { get; init; } = 100;

    public int StartupPods { get; init; } = 50;

    /// <summary>Each create throughput measurement, after the warm-up.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan WarmUp => Quick ? TimeSpan.FromSeconds(0.5) : TimeSpan.FromSeconds(2);

    public IReadOnlyList<int> WriterCounts { get; } = [1, 8, 64];

    public IReadOnlyList<int> WatcherCounts { get; } = [1, 100, 1000];

    /// <summary>The watch scenario also runs this many watchers on a second store instance.</summary>
    public int CrossServerWatchers { get; } = 100;

    /// <summary>Paced writes per second while watchers listen.</summary>
    public int WatchWriteRate { get; } = 200;

    public IReadOnlyList<int> ListSizes => Quick ? [1_000, 10_000] : [10_000, 100_000];

    public int ListPageSize { get; } = 500;

    /// <summary>Each list measurement runs this often; the median time is reported.</summary>
    public int ListRepetitions => Quick ? 1 : 3;

    /// <summary>What a run without --only does: everything that needs no container runtime.</summary>
    public static IReadOnlySet<string> AllScenarios { get; } = new HashSet<string>(["create", "watch", "list", "api", "apply", "scheduling"], StringComparer.Ordinal);

    public static IReadOnlySet<string> KnownScenarios { get; } = new HashSet<string>([.. AllScenarios, "podstartup"], StringComparer.Ordinal);

    public bool Runs(string scenario) => Scenarios.Contains(scenario);

    /// <summary>False with a null error for --help.</summary>
    public static bool TryParse(string[] args, [NotNullWhen(true)] out BenchmarkOptions? options, out string? error)
    {
        options = null;
        error = null;
        var quick = false;
        var verbose = false;
        string? json = null;
        double? seconds = null;
        var only = new HashSet<string>(StringComparer.Ordinal);
        int? nodes = null, pods = null, deployments = null, startupPods = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--verbose":
                    verbose = true;
                    break;
                case "--help" or "-h":
                    return false;
                case "--json" when i + 1 < args.Length:
                    json = args[++i];
                    break;
                case "--duration" when i + 1 < args.Length:
                    if (!double.TryParse(args[++i], NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) || parsed <= 0 || parsed > 3600)
                    {
                        error = $"--duration wants a number of seconds between 0 and 3600, got '{args[i]}'";
                        return false;
                    }
                    seconds = parsed;
                    break;
                case "--nodes" or "--pods" or "--deployments" or "--startup-pods" when i + 1 < args.Length:
                    var flag = args[i];
                    if (!int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1 || count > 1_000_000)
                    {
                        error = $"{flag} wants a positive count, got '{args[i]}'";
                        return false;
                    }
                    _ = flag switch
                    {
                        "--nodes" => nodes = count,
                        "--pods" => pods = count,
                        "--startup-pods" => startupPods = count,
                        _ => deployments = count,
                    };
                    break;
                case "--only" when i + 1 < args.Length:
                    foreach (var name in args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        if (!KnownScenarios.Contains(name))
                        {
                            error = $"--only wants create, watch, list, api, apply, scheduling or podstartup, got '{name}'";
                            return false;
                        }
                        only.Add(name);
                    }
                    break;
                default:
                    error = $"unknown or incomplete argument '{args[i]}'";
                    return false;
            }
        }

        options = new BenchmarkOptions
        {
            Quick = quick,
            Verbose = verbose,
            JsonPath = json,
            Scenarios = only.Count == 0 ? AllScenarios : only,
            Duration = TimeSpan.FromSeconds(seconds ?? (quick ? 2 : 10)),
            HollowNodes = nodes ?? (quick ? 10 : 100),
            SchedulingPods = pods ?? (quick ? 300 : 3000),
            Deployments = deployments ?? (quick ? 10 : 100),
            StartupPods = startupPods ?? (quick ? 10 : 50),
        };
        return true;
    }
}
