using System.Net.Sockets;
using Npgsql;

namespace Kubelike.Storage.Postgres;

/// <summary>Turns Npgsql failures into the store's <see cref="StorageException"/>s.</summary>
internal static class PostgresErrors
{
    /// <summary>True when the failure means PostgreSQL is unreachable or going away, not that the request was bad.</summary>
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        PostgresException pg => pg.SqlState.StartsWith("08", StringComparison.Ordinal) // connection exception
            || pg.SqlState is "57P01" or "57P02" or "57P03" // admin/crash shutdown, cannot connect now
            || pg.SqlState is "53300" or "53400", // too many connections, configuration limit
        NpgsqlException => true, // socket/protocol level: the connection broke
        SocketException or IOException or TimeoutException => true,
        _ => false,
    };

    public static StorageException Unavailable(Exception exception) =>
        new(StorageErrorCode.Unavailable, $"storage unavailable: {Describe(exception)}", exception);

    /// <summary>Wraps an unexpected failure; passes <see cref="StorageException"/>s and cancellations through.</summary>
    public static Exception Translate(Exception exception) => exception switch
    {
        StorageException or OperationCanceledException => exception,
        _ when IsUnavailable(exception) => Unavailable(exception),
        _ => exception,
    };

    private static string Describe(Exception exception)
    {
        var message = exception is PostgresException pg ? pg.MessageText : exception.Message;
        var inner = exception.InnerException;
        return inner is null || exception is PostgresException ? message : $"{message} ({inner.Message})";
    }
}
