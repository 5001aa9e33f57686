using Npgsql;

namespace AiRoi.ServiceDefaults.Data;

/// <summary>
/// After PostgreSQL restarts, a data source's pool still holds connections to the server that is gone, and the
/// first use of each fails; Npgsql does not test a pooled connection before handing it out. Work that no client
/// will send again (a count kept on the side of a refusal) runs through <see cref="OnceMoreAfterRestartAsync"/>:
/// on a transient failure the pool's idle connections are dropped and the work runs once more, on a new one.
/// </summary>
/// <remarks>
/// The usual failure is a write to a closed socket, before the server saw anything. Only when the connection
/// breaks after the server did the work and before its answer arrives does the work run twice; use this for reads
/// and for counters where that rare over-count is better than a lost one, never for the event log.
/// </remarks>
public static class StaleConnections
{
    /// <summary>Runs <paramref name="work"/>; after a transient failure, clears the pool and runs it once more.</summary>
    public static async Task<T> OnceMoreAfterRestartAsync<T>(this NpgsqlDataSource dataSource, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            return await work(cancellationToken);
        }
        catch (NpgsqlException exception) when (exception.IsTransient && !cancellationToken.IsCancellationRequested)
        {
            dataSource.Clear();
            return await work(cancellationToken);
        }
    }
}
