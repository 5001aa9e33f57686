namespace AiRoi.Contracts.UseCases;

/// <summary>
/// The running totals a use-case grain keeps as events arrive; equal, after any restart, to a recomputation
/// from the event log (snapshot at <see cref="Sequence"/> plus the events after it).
/// </summary>
[GenerateSerializer]
[Alias("AiRoi.Contracts.UseCases.UseCaseTotals")]
public sealed record UseCaseTotals
{
    /// <summary>The last sequence number applied.</summary>
    [Id(0)] public long Sequence { get; init; }

    /// <summary>Events applied, per handler (<c>ai</c>, <c>human</c>, <c>hybrid</c>).</summary>
    [Id(1)] public IReadOnlyDictionary<string, long> EventsByHandler { get; init; } = new Dictionary<string, long>();

    /// <summary>Events applied, per UTC day of completion.</summary>
    [Id(2)] public IReadOnlyDictionary<DateOnly, long> EventsByDay { get; init; } = new Dictionary<DateOnly, long>();

    /// <summary>The latest completion time seen.</summary>
    [Id(3)] public DateTimeOffset? LastCompletedAt { get; init; }
}
