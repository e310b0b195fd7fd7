using Kubelike.Api.Core.V1;
using Kubelike.Client.Tests.Support;
using Kubelike.Client.Watch;

namespace Kubelike.Client.Tests.Watch;

/// <summary>Watch streams against a real server.</summary>
public sealed class WatchTests : ClusterFixture
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Test]
    public async Task A_watch_from_a_list_sees_added_modified_and_deleted_in_order()
    {
        var ns = await CreateNamespaceAsync();
        var configMaps = Client.Resource<ConfigMap>();
        var start = await configMaps.ListAsync(ns);
        using var deadline = new CancellationTokenSource(Deadline);
        var events = new List<WatchEvent<ConfigMap>>();

        var watching = Task.Run(async () =>
        {
            await foreach (var e in configMaps.WatchAsync(ns, new WatchParameters { ResourceVersion = start.ResourceVersion }, deadline.Token))
            {
                events.Add(e);
                if (e.Type == WatchEventType.Deleted)
                    return;
            }
        });
        var created = await configMaps.CreateAsync(NewConfigMap(ns, "watched"));
        created.Data!["key"] = "changed";
        var updated = await configMaps.UpdateAsync(created);
        await configMaps.DeleteAsync("watched", ns);
        await watching;

        Assert.Multiple(() =>
        {
            Assert.That(events.Select(e => e.Type), Is.EqualTo(new[] { WatchEventType.Added, WatchEventType.Modified, WatchEventType.Deleted }));
            Assert.That(events[1].Item.Data?["key"], Is.EqualTo("changed"));
            Assert.That(events[1].ResourceVersion, Is.EqualTo(updated.Metadata?.ResourceVersion));
            Assert.That(events.Select(e => e.Item.Metadata?.Name), Is.All.EqualTo("watched"));
        });
    }

    [Test]
    public async Task A_watch_without_a_resourceVersion_starts_with_the_current_objects_and_honours_selectors()
    {
        var ns = await CreateNamespaceAsync();
        var configMaps = Client.Resource<ConfigMap>();
        await configMaps.CreateAsync(NewConfigMap(ns, "blue", labels: new Dictionary<string, string> { ["color"] = "blue" }));
        await configMaps.CreateAsync(NewConfigMap(ns, "red", labels: new Dictionary<string, string> { ["color"] = "red" }));
        using var deadline = new CancellationTokenSource(Deadline);

        await using var stream = configMaps.WatchAsync(ns, new WatchParameters { LabelSelector = "color=red" }, deadline.Token).GetAsyncEnumerator(deadline.Token);
        Assert.That(await stream.MoveNextAsync(), Is.True);

        Assert.Multiple(() =>
        {
            Assert.That(stream.Current.Type, Is.EqualTo(WatchEventType.Added));
            Assert.That(stream.Current.Item.Metadata?.Name, Is.EqualTo("red"));
        });
    }

    [Test]
    public async Task Selective_watchers_of_one_stream_see_objects_enter_and_leave_their_selection()
    {
        // Many watchers share each store event (decoded once for all of them); each must still judge it by its own
        // selector: entering the selection is ADDED, leaving it DELETED, staying in it MODIFIED.
        var ns = await CreateNamespaceAsync();
        var configMaps = Client.Resource<ConfigMap>();
        var start = await configMaps.ListAsync(ns);
        using var deadline = new CancellationTokenSource(Deadline);
        string[] colors = ["red", "green", "blue"];
        var selectors = Enumerable.Range(0, 12).Select(i => new WatchParameters
        {
            ResourceVersion = start.ResourceVersion,
            LabelSelector = i % 2 == 0 ? $"color={colors[i / 2 % 3]}" : null,
            FieldSelector = i % 2 == 1 ? "metadata.name=paint" : null,
        }).ToList();
        var seen = selectors.Select(_ => new List<(WatchEventType Type, string? Color)>()).ToList();
        var watching = selectors.Select((parameters, i) => Task.Run(async () =>
        {
            await foreach (var e in configMaps.WatchAsync(ns, parameters, deadline.Token))
            {
                // A label watcher's last event is its end marker; the name watcher's is the deletion.
                if (e.Item.Metadata?.Name?.StartsWith("end-", StringComparison.Ordinal) == true)
                    return;
                seen[i].Add((e.Type, e.Item.Metadata?.Labels?["color"]));
                if (parameters.FieldSelector is not null && e.Type == WatchEventType.Deleted)
                    return;
            }
        })).ToList();

        var paint = await configMaps.CreateAsync(NewConfigMap(ns, "paint", labels: new Dictionary<string, string> { ["color"] = "red" }));
        foreach (var color in colors)
        {
            paint.Metadata!.Labels!["color"] = color;
            paint.Data!["key"] = "painted " + color;
            paint = await configMaps.UpdateAsync(paint);
        }
        await configMaps.DeleteAsync("paint", ns);
        foreach (var color in colors)
            await configMaps.CreateAsync(NewConfigMap(ns, "end-" + color, labels: new Dictionary<string, string> { ["color"] = color }));
        await Task.WhenAll(watching);

        // Leaving a selection is a DELETED carrying the object as it was (still matching the selector).
        var expected = new Dictionary<string, (WatchEventType, string?)[]>
        {
            ["color=red"] = [(WatchEventType.Added, "red"), (WatchEventType.Modified, "red"), (WatchEventType.Deleted, "red")],
            ["color=green"] = [(WatchEventType.Added, "green"), (WatchEventType.Deleted, "green")],
            ["color=blue"] = [(WatchEventType.Added, "blue"), (WatchEventType.Deleted, "blue")],
            ["metadata.name=paint"] = [(WatchEventType.Added, "red"), (WatchEventType.Modified, "red"), (WatchEventType.Modified, "green"), (WatchEventType.Modified, "blue"), (WatchEventType.Deleted, "blue")],
        };
        Assert.Multiple(() =>
        {
            for (var i = 0; i < selectors.Count; i++)
            {
                var selector = selectors[i].LabelSelector ?? selectors[i].FieldSelector!;
                Assert.That(seen[i], Is.EqualTo(expected[selector]), $"watcher {i} ({selector})");
            }
        });
    }

    [Test]
    public async Task A_watch_ends_when_the_server_timeout_passes()
    {
        var ns = await CreateNamespaceAsync();
        var start = await Client.Resource<ConfigMap>().ListAsync(ns);
        using var deadline = new CancellationTokenSource(Deadline);
        var count = 0;

        await foreach (var _ in Client.Resource<ConfigMap>().WatchAsync(ns, new WatchParameters { ResourceVersion = start.ResourceVersion, TimeoutSeconds = 1 }, deadline.Token))
            count++;

        Assert.Multiple(() =>
        {
            Assert.That(deadline.IsCancellationRequested, Is.False, "the stream ended on its own");
            Assert.That(count, Is.Zero);
        });
    }

    [Test]
    public async Task Cancelling_a_watch_ends_it()
    {
        var ns = await CreateNamespaceAsync();
        using var cancel = new CancellationTokenSource();
        var watching = Task.Run(async () =>
        {
            await foreach (var _ in Client.Resource<ConfigMap>().WatchAsync(ns, cancellationToken: cancel.Token))
            {
            }
        });

        await cancel.CancelAsync();

        Assert.That(async () => await watching.WaitAsync(Deadline), Throws.InstanceOf<OperationCanceledException>());
    }
}
