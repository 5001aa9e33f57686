using AiRoi.Contracts.UseCases;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace AiRoi.Metrics.UseCases;

/// <summary>What the registry's handlers need, bound with <c>[AsParameters]</c>.</summary>
/// <param name="dataSource">The metrics database.</param>
/// <param name="grains">The silo's grain factory, to tell each use-case grain its definition changed.</param>
/// <param name="logger">Where a failed notification is logged.</param>
public sealed partial class UseCaseServices(
    [FromServices] NpgsqlDataSource dataSource,
    [FromServices] IGrainFactory grains,
    [FromServices] ILogger<UseCaseRegistry> logger)
{
    /// <summary>
    /// How long a write waits for the grain to take the new definition. The grain only reloads one row, so this
    /// bounds a stuck silo, not normal work; after it the write still succeeds (see <see cref="NotifyDefinitionChangedAsync"/>).
    /// </summary>
    private static readonly TimeSpan NotificationTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The metrics database.</summary>
    public NpgsqlDataSource DataSource { get; } = dataSource;

    /// <summary>The silo's grain factory.</summary>
    public IGrainFactory Grains { get; } = grains;

    /// <summary>The registry's logger.</summary>
    public ILogger<UseCaseRegistry> Logger { get; } = logger;

    /// <summary>The registry over <see cref="DataSource"/>.</summary>
    public UseCaseRegistry Registry => field ??= new UseCaseRegistry(DataSource);

    /// <summary>
    /// Tells the use case's grain that its definition changed. A failure is logged, not thrown: the change is
    /// already committed and the registry is the source of truth, so failing the request would only invite a retry
    /// that answers 409 or 412; the grain reads the registry again when it next activates.
    /// </summary>
    public async Task NotifyDefinitionChangedAsync(string id)
    {
        try
        {
            await Grains.GetGrain<IUseCaseGrain>(id).DefinitionChangedAsync().WaitAsync(NotificationTimeout);
        }
        catch (Exception exception)
        {
            LogNotificationFailed(Logger, exception, id);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "Use case {UseCaseId} changed in the registry, but its grain was not told; it keeps the old definition until it next reads the registry")]
    private static partial void LogNotificationFailed(ILogger logger, Exception exception, string useCaseId);
}
