using Npgsql;

namespace Kubelike.Storage.Postgres;

/// <summary>Reads rows of kl_events as <see cref="WatchEvent"/>s (one column list for every query that does).</summary>
internal static class EventReader
{
    public const string Columns = "revision, resource, namespace, name, type, create_revision, uid, value, prev_revision, prev_value";

    public static WatchEvent Read(NpgsqlDataReader reader) => new(
        (WatchEventType)reader.GetInt16(4),
        new ObjectKey(reader.GetString(1), reader.GetString(2), reader.GetString(3)),
        reader.GetFieldValue<byte[]>(7),
        reader.GetInt64(0),
        reader.GetInt64(5),
        reader.IsDBNull(9) ? ReadOnlyMemory<byte>.Empty : reader.GetFieldValue<byte[]>(9),
        reader.GetInt64(8),
        reader.IsDBNull(6) ? null : reader.GetString(6));
}
