using System.Text;
using Npgsql;

namespace Kubelike.Storage.Postgres;

/// <summary>
/// Builds the SQL of one list page. At the latest revision it reads kl_objects alone. At an older revision
/// R it reconstructs the state at R: rows unchanged since R, plus, for keys written after R, the state
/// carried by the first event after R (its previous value, or for a delete its last value); keys whose first
/// event after R is a create did not exist at R. Separate SQL per shape keeps every variant index-friendly.
/// </summary>
internal sealed class ListQuery(string resource, string? ns, ContinueToken? start, long revision, bool atLatest)
{
    private const string Select = "namespace, name, revision, create_revision, uid, value";

    public NpgsqlCommand PageCommand(NpgsqlConnection connection, NpgsqlTransaction transaction, int limit)
    {
        var sql = new StringBuilder("SELECT ").Append(Select).Append(" FROM (").Append(Inner()).Append(") s ORDER BY namespace, name");
        if (limit > 0)
            sql.Append(" LIMIT ").Append(limit + 1);
        return Command(sql.ToString(), connection, transaction);
    }

    public NpgsqlCommand CountCommand(NpgsqlConnection connection, NpgsqlTransaction transaction) =>
        Command($"SELECT count(*) FROM ({Inner()}) s", connection, transaction);

    public static StoredObject Read(NpgsqlDataReader reader, string resource) => new(
        new ObjectKey(resource, reader.GetString(0), reader.GetString(1)),
        reader.GetFieldValue<byte[]>(5),
        reader.GetInt64(2),
        reader.GetInt64(3),
        reader.IsDBNull(4) ? null : reader.GetString(4));

    private string Inner()
    {
        if (atLatest)
            return $"SELECT {Select} FROM kl_objects WHERE {KeyFilter()}";
        return $"""
            SELECT {Select} FROM kl_objects WHERE {KeyFilter()} AND revision <= $5
            UNION ALL
            SELECT namespace, name, prev_revision, create_revision, uid, CASE WHEN type = 2 THEN value ELSE prev_value END
              FROM (SELECT DISTINCT ON (namespace, name) namespace, name, type, prev_revision, create_revision, uid, value, prev_value
                      FROM kl_events WHERE {KeyFilter()} AND revision > $5
                     ORDER BY namespace, name, revision) first_after
             WHERE type <> 0
            """;
    }

    private string KeyFilter()
    {
        var filter = new StringBuilder("resource = $1");
        if (ns is not null)
            filter.Append(" AND namespace = $2");
        if (start is not null)
        {
            filter.Append(ns is not null
                ? " AND name > $4"
                : " AND (namespace, name) > ($3, $4)");
        }
        return filter.ToString();
    }

    private NpgsqlCommand Command(string sql, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        // Positional parameters must all be sent; unused ones are harmless because each is typed.
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = resource });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ns ?? "" });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = start?.Namespace ?? "" });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = start?.Name ?? "" });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = revision });
        return command;
    }
}
