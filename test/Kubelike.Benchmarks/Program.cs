using Kubelike.Benchmarks;

if (!BenchmarkOptions.TryParse(args, out var options, out var error))
{
    if (error is not null)
        await Console.Error.WriteLineAsync(error);
    await Console.Error.WriteLineAsync(BenchmarkOptions.Usage);
    return error is null ? 0 : 2;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Stop the measurements but let the runner stop PostgreSQL and remove its directory.
    e.Cancel = true;
    cancellation.Cancel();
};

try
{
    return await BenchmarkRunner.RunAsync(options, cancellation.Token);
}
catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
{
    await Console.Error.WriteLineAsync("bench: interrupted");
    return 130;
}
