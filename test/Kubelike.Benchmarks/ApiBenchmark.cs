using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Kubelike.Storage;
using Kubelike.Storage.Postgres;

namespace Kubelike.Benchmarks;

/// <summary>
/// Scenario 4: the real <c>kubelike server</c> over HTTPS with HTTP/2 and client certificates. ConfigMap
/// create/get/update/list throughput next to the store's own create at the same concurrency; a full list of
/// 10,000 Pods as JSON and as a Table; single-object latency under a steady write churn; watch fan-out.
/// </summary>
internal sealed class ApiBenchmark(BenchmarkOptions options, BenchmarkDatabase database, PostgresObjectStore store, TextWriter progress)
{
    public static IReadOnlyList<int> ClientCounts { get; } = [1, 32];
    public const int ListObjects = 10_000;
    public const int ListLoadConcurrency = 32;
    public const int ListRepetitions = 3;
    public const int ListPageSize = 500;
    public const double ChurnRate = 20;
    public const int Watchers = 1_000;
    public const int WatchConnections = 20;
    public const int WatchWrites = 200;
    public const double WatchRate = 100;
    public const string TableAccept = "application/json;as=Table;v=v1;g=meta.k8s.io";

    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(30);

    public async Task<ApiReport> RunAsync(CancellationToken cancellationToken)
    {
        progress.WriteLine("api: starting kubelike server ...");
        await using var server = await ApiServerProcess.StartAsync(progress, cancellationToken);
        using var client = server.CreateHttpClient(TimeSpan.FromMinutes(5));

        var operations = new List<ApiOperationMeasurement>();
        foreach (var clients in ClientCounts)
            operations.AddRange(await MeasureOperationsAsync(client, clients, cancellationToken));

        progress.WriteLine($"api: loading {ListObjects:N0} pods with {ListLoadConcurrency} concurrent POSTs ...");
        var load = await LoadPodsAsync(client, cancellationToken);
        var lists = new List<ApiListMeasurement>
        {
            await MeasureListAsync(client, "application/json", "JSON", cancellationToken),
            await MeasureListAsync(client, TableAccept, "Table", cancellationToken),
        };

        progress.WriteLine($"api: get/update latency under {ChurnRate} writes/s churn for {options.Duration.TotalSeconds:0.#} s ...");
        var churn = await MeasureChurnAsync(client, cancellationToken);

        progress.WriteLine($"api: watch fan-out, {Watchers} watchers on {WatchConnections} connections, {WatchWrites} writes at {WatchRate}/s ...");
        var watch = await MeasureWatchAsync(server, client, cancellationToken);

        progress.WriteLine("api: stopping kubelike server and removing its data ...");
        return new ApiReport(server.BaseUrl.ToString(), operations, load, lists, churn, watch);
    }

    private async Task<IReadOnlyList<ApiOperationMeasurement>> MeasureOperationsAsync(HttpClient client, int clients, CancellationToken cancellationToken)
    {
        var tag = "c" + clients.ToString(CultureInfo.InvariantCulture);

        progress.WriteLine($"api: create, {clients} clients ...");
        var create = await ClosedLoopDriver.RunAsync(clients, options.WarmUp, options.Duration,
            (writer, sequence) => ApiObjects.SendAsync(client, HttpMethod.Post, ApiObjects.ConfigMaps, ApiObjects.ConfigMap(Name(tag, writer, sequence)), cancellationToken),
            cancellationToken);

        // One object per client for get and update.
        var names = Enumerable.Range(0, clients).Select(i => $"{tag}-own-{i.ToString(CultureInfo.InvariantCulture)}").ToArray();
        var versions = new string[clients];
        for (var i = 0; i < clients; i++)
            versions[i] = ApiObjects.ResourceVersion(await ApiObjects.SendAsync(client, HttpMethod.Post, ApiObjects.ConfigMaps, ApiObjects.ConfigMap(names[i]), cancellationToken));

        progress.WriteLine($"api: get, {clients} clients ...");
        var get = await ClosedLoopDriver.RunAsync(clients, options.WarmUp, options.Duration,
            (writer, _) => ApiObjects.SendAsync(client, HttpMethod.Get, $"{ApiObjects.ConfigMaps}/{names[writer]}", null, cancellationToken),
            cancellationToken);

        progress.WriteLine($"api: update, {clients} clients ...");
        var update = await ClosedLoopDriver.RunAsync(clients, options.WarmUp, options.Duration,
            async (writer, _) =>
            {
                var body = await ApiObjects.SendAsync(client, HttpMethod.Put, $"{ApiObjects.ConfigMaps}/{names[writer]}", ApiObjects.ConfigMap(names[writer], versions[writer]), cancellationToken);
                versions[writer] = ApiObjects.ResourceVersion(body);
            },
            cancellationToken);

        progress.WriteLine($"api: list (limit={ListPageSize}), {clients} clients ...");
        var list = await ClosedLoopDriver.RunAsync(clients, options.WarmUp, options.Duration,
            (_, _) => ApiObjects.SendAsync(client, HttpMethod.Get, $"{ApiObjects.ConfigMaps}?limit={ListPageSize}", null, cancellationToken),
            cancellationToken);

        await database.CheckpointAsync(cancellationToken);
        progress.WriteLine($"api: store CreateAsync (benchmark's own durable PostgreSQL), {clients} writers ...");
        var storeCreate = await ClosedLoopDriver.RunAsync(clients, options.WarmUp, options.Duration,
            (writer, sequence) => store.CreateAsync(new ObjectKey("apistorecreates", tag, Name(tag, writer, sequence)), Payload.Json, cancellationToken: cancellationToken),
            cancellationToken);

        return
        [
            new ApiOperationMeasurement("create", clients, create, storeCreate),
            new ApiOperationMeasurement("get", clients, get, null),
            new ApiOperationMeasurement("update", clients, update, null),
            new ApiOperationMeasurement($"list limit={ListPageSize}", clients, list, null),
        ];
    }

    private static async Task<ApiListLoad> LoadPodsAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var next = -1;
        long errors = 0;
        string? firstError = null;
        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, ListLoadConcurrency).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < ListObjects)
            {
                try
                {
                    await ApiObjects.SendAsync(client, HttpMethod.Post, ApiObjects.Pods, ApiObjects.Pod("pod-" + index.ToString(CultureInfo.InvariantCulture)), cancellationToken);
                }
                catch (HttpRequestException exception)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, exception.Message, null);
                }
            }
        }, cancellationToken)).ToArray();
        await Task.WhenAll(workers);
        var seconds = stopwatch.Elapsed.TotalSeconds;
        return new ApiListLoad("Pod", ListObjects, ListLoadConcurrency, seconds, (ListObjects - errors) / seconds, errors, firstError);
    }

    private async Task<ApiListMeasurement> MeasureListAsync(HttpClient client, string accept, string format, CancellationToken cancellationToken)
    {
        progress.WriteLine($"api: full list of {ListObjects:N0} pods as {format}, {ListRepetitions} runs ...");
        var times = new double[ListRepetitions];
        long bytes = 0;
        for (var run = 0; run < ListRepetitions; run++)
        {
            var started = Stopwatch.GetTimestamp();
            var body = await ApiObjects.SendAsync(client, HttpMethod.Get, ApiObjects.Pods, null, cancellationToken, accept);
            times[run] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            bytes = body.Length;
            if (run == 0)
                CheckListSize(body, format);
        }
        Array.Sort(times);
        return new ApiListMeasurement("Pod", ListObjects, format, ListRepetitions, times[times.Length / 2], times[0], times[^1], bytes);
    }

    /// <summary>The list must hold every object (items for JSON, rows for a Table), or the time means nothing.</summary>
    private static void CheckListSize(byte[] body, string format)
    {
        using var document = JsonDocument.Parse(body);
        var property = format == "Table" ? "rows" : "items";
        var count = document.RootElement.GetProperty(property).GetArrayLength();
        if (count < ListObjects)
            throw new InvalidOperationException($"the {format} list held {count} {property}, expected at least {ListObjects}");
    }

    private async Task<ApiChurnMeasurement> MeasureChurnAsync(HttpClient client, CancellationToken cancellationToken)
    {
        const string Name = "churn-measured";
        var version = ApiObjects.ResourceVersion(await ApiObjects.SendAsync(client, HttpMethod.Post, ApiObjects.ConfigMaps, ApiObjects.ConfigMap(Name), cancellationToken));

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        long churnWrites = 0;
        long churnErrors = 0;
        var churnStarted = Stopwatch.GetTimestamp();
        var interval = TimeSpan.FromSeconds(1 / ChurnRate);
        // Open loop: each churn write starts on schedule whether or not the previous one returned.
        var churn = Task.Run(async () =>
        {
            var pending = new List<Task>();
            using var timer = new PeriodicTimer(interval);
            try
            {
                for (var i = 0; await timer.WaitForNextTickAsync(stop.Token); i++)
                {
                    var name = "churn-" + i.ToString(CultureInfo.InvariantCulture);
                    pending.Add(Task.Run(async () =>
                    {
                        try
                        {
                            await ApiObjects.SendAsync(client, HttpMethod.Post, ApiObjects.ConfigMaps, ApiObjects.ConfigMap(name), cancellationToken);
                            Interlocked.Increment(ref churnWrites);
                        }
                        catch (HttpRequestException)
                        {
                            Interlocked.Increment(ref churnErrors);
                        }
                    }, CancellationToken.None));
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            await Task.WhenAll(pending);
        }, CancellationToken.None);

        // Measured: one client, one GET then one PUT of its own object every 1/ChurnRate s (so not itself a flood).
        await Task.Delay(options.WarmUp, cancellationToken);
        var gets = new List<long>();
        var updates = new List<long>();
        long errors = 0;
        string? firstError = null;
        var end = Stopwatch.GetTimestamp() + (long)(options.Duration.TotalSeconds * Stopwatch.Frequency);
        using (var pace = new PeriodicTimer(interval))
        {
            while (Stopwatch.GetTimestamp() < end && await pace.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    var started = Stopwatch.GetTimestamp();
                    await ApiObjects.SendAsync(client, HttpMethod.Get, $"{ApiObjects.ConfigMaps}/{Name}", null, cancellationToken);
                    gets.Add(Stopwatch.GetTimestamp() - started);
                    started = Stopwatch.GetTimestamp();
                    var body = await ApiObjects.SendAsync(client, HttpMethod.Put, $"{ApiObjects.ConfigMaps}/{Name}", ApiObjects.ConfigMap(Name, version), cancellationToken);
                    updates.Add(Stopwatch.GetTimestamp() - started);
                    version = ApiObjects.ResourceVersion(body);
                }
                catch (HttpRequestException exception)
                {
                    errors++;
                    firstError ??= exception.Message;
                }
            }
        }
        await stop.CancelAsync();
        await churn;
        var churnSeconds = Stopwatch.GetElapsedTime(churnStarted).TotalSeconds;
        return new ApiChurnMeasurement(ChurnRate, churnWrites / churnSeconds, churnErrors, options.Duration.TotalSeconds,
            LatencySummary.FromTicks([.. gets]), LatencySummary.FromTicks([.. updates]), errors, firstError);
    }

    private static async Task<ApiWatchMeasurement> MeasureWatchAsync(ApiServerProcess server, HttpClient client, CancellationToken cancellationToken)
    {
        const string Prefix = "watched-";
        var listBody = await ApiObjects.SendAsync(client, HttpMethod.Get, $"{ApiObjects.ConfigMaps}?limit=1", null, cancellationToken);
        var after = ApiObjects.ResourceVersion(listBody);

        var watchClients = Enumerable.Range(0, WatchConnections).Select(_ => server.CreateHttpClient(Timeout.InfiniteTimeSpan)).ToArray();
        var received = new long[Watchers][];
        var counts = new int[Watchers];
        long watchErrors = 0;
        string? firstError = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var opened = 0;
        var allOpen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var openStarted = Stopwatch.GetTimestamp();
        try
        {
            var readers = Enumerable.Range(0, Watchers).Select(w => Task.Run(async () =>
            {
                var times = received[w] = new long[WatchWrites];
                var path = $"{ApiObjects.ConfigMaps}?watch=true&resourceVersion={after}";
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
                    request.Headers.Accept.ParseAdd("application/json");
                    using var response = await watchClients[w % WatchConnections].SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop.Token);
                    response.EnsureSuccessStatusCode();
                    await using var stream = await response.Content.ReadAsStreamAsync(stop.Token);
                    using var reader = new StreamReader(stream);
                    if (Interlocked.Increment(ref opened) == Watchers)
                        allOpen.TrySetResult();
                    while (counts[w] < WatchWrites && await reader.ReadLineAsync(stop.Token) is { } line)
                    {
                        var now = Stopwatch.GetTimestamp();
                        using var document = JsonDocument.Parse(line);
                        var type = document.RootElement.GetProperty("type").GetString();
                        if (type == "ERROR")
                            throw new InvalidOperationException("ERROR event: " + line[..Math.Min(line.Length, 300)]);
                        var name = document.RootElement.GetProperty("object").GetProperty("metadata").GetProperty("name").GetString();
                        if (type == "ADDED" && name is not null && name.StartsWith(Prefix, StringComparison.Ordinal)
                            && int.TryParse(name.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                            && index < WatchWrites && times[index] == 0)
                        {
                            times[index] = now;
                            counts[w]++;
                        }
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                }
                catch (Exception exception)
                {
                    Interlocked.Increment(ref watchErrors);
                    Interlocked.CompareExchange(ref firstError, exception.Message, null);
                    allOpen.TrySetException(exception);
                }
            }, CancellationToken.None)).ToArray();

            await allOpen.Task.WaitAsync(TimeSpan.FromSeconds(120), cancellationToken);
            var openSeconds = Stopwatch.GetElapsedTime(openStarted).TotalSeconds;

            // Paced, open-loop creates.
            var requested = new long[WatchWrites];
            var acknowledged = new long[WatchWrites];
            long writeErrors = 0;
            var writesStarted = Stopwatch.GetTimestamp();
            var writes = new Task[WatchWrites];
            for (var i = 0; i < WatchWrites; i++)
            {
                var due = writesStarted + (long)(i / WatchRate * Stopwatch.Frequency);
                var wait = due - Stopwatch.GetTimestamp();
                if (wait > 0)
                    await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency), cancellationToken);
                var index = i;
                writes[i] = Task.Run(async () =>
                {
                    requested[index] = Stopwatch.GetTimestamp();
                    try
                    {
                        await ApiObjects.SendAsync(client, HttpMethod.Post, ApiObjects.ConfigMaps, ApiObjects.ConfigMap(Prefix + index.ToString(CultureInfo.InvariantCulture)), cancellationToken);
                        acknowledged[index] = Stopwatch.GetTimestamp();
                    }
                    catch (HttpRequestException exception)
                    {
                        Interlocked.Increment(ref writeErrors);
                        Interlocked.CompareExchange(ref firstError, exception.Message, null);
                    }
                }, CancellationToken.None);
            }
            await Task.WhenAll(writes);
            var writeSeconds = Stopwatch.GetElapsedTime(writesStarted).TotalSeconds;

            var drained = Task.WhenAll(readers);
            if (await Task.WhenAny(drained, Task.Delay(DrainTimeout, cancellationToken)) != drained)
                await stop.CancelAsync();
            await drained;
            cancellationToken.ThrowIfCancellationRequested();

            var ackToReceive = new List<long>(Watchers * WatchWrites);
            var requestToReceive = new List<long>(Watchers * WatchWrites);
            long deliveries = 0;
            foreach (var times in received)
            {
                for (var i = 0; i < WatchWrites; i++)
                {
                    if (times is null || times[i] == 0 || acknowledged[i] == 0)
                        continue;
                    deliveries++;
                    ackToReceive.Add(Math.Max(0, times[i] - acknowledged[i]));
                    requestToReceive.Add(times[i] - requested[i]);
                }
            }
            var successfulWrites = acknowledged.Count(a => a != 0);
            var writeLatency = Enumerable.Range(0, WatchWrites).Where(i => acknowledged[i] != 0).Select(i => acknowledged[i] - requested[i]).ToArray();
            return new ApiWatchMeasurement(Watchers, WatchConnections, WatchWrites, WatchRate, WatchWrites / writeSeconds, openSeconds,
                LatencySummary.FromTicks(writeLatency), LatencySummary.FromTicks([.. ackToReceive]), LatencySummary.FromTicks([.. requestToReceive]),
                deliveries, (long)successfulWrites * Watchers - deliveries, writeErrors, watchErrors, firstError);
        }
        finally
        {
            await stop.CancelAsync();
            foreach (var watchClient in watchClients)
                watchClient.Dispose();
        }
    }

    private static string Name(string tag, int writer, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{tag}-w{writer}-{sequence}");
}
