using AiRoi.Domain.Events;

namespace AiRoi.Domain.Rollups;

/// <summary>A <see cref="UseCaseRollup"/> as stored with the grain's snapshot (JSON).</summary>
public sealed record RollupSnapshot
{
    /// <summary>The <see cref="RollupShape.Fingerprint"/> the roll-up was built under.</summary>
    public string Fingerprint { get; init; } = "";

    /// <summary>The last sequence number applied.</summary>
    public long Sequence { get; init; }

    /// <summary>Events applied.</summary>
    public long Events { get; init; }

    /// <summary>The earliest completion time seen.</summary>
    public DateTimeOffset? FirstCompletedAt { get; init; }

    /// <summary>The latest completion time seen.</summary>
    public DateTimeOffset? LastCompletedAt { get; init; }

    /// <summary>Days before this are held by month.</summary>
    public DateOnly? FoldedBefore { get; init; }

    /// <summary>Tracked segment values per dimension, in first-seen order.</summary>
    public Dictionary<string, List<string>> DimensionValues { get; init; } = [];

    /// <summary>Tracked escalation reasons, in first-seen order.</summary>
    public List<string> EscalationReasons { get; init; } = [];

    /// <summary>Tracked exception types, in first-seen order.</summary>
    public List<string> ExceptionTypes { get; init; } = [];

    /// <summary>Day cells.</summary>
    public List<CellEntry> Days { get; init; } = [];

    /// <summary>Month cells (folded days).</summary>
    public List<CellEntry> Months { get; init; } = [];
}

/// <summary>One cell of a snapshot with its place.</summary>
/// <param name="Handler">The handler.</param>
/// <param name="Dimension">The segment dimension; empty for the handler's overall cell.</param>
/// <param name="Value">The segment value; empty for the overall cell.</param>
/// <param name="Period">The day, or the first day of a folded month.</param>
/// <param name="Cell">The statistics.</param>
public sealed record CellEntry(Handler Handler, string Dimension, string Value, DateOnly Period, MetricCell Cell);
