using AiRoi.Domain.Events;

namespace AiRoi.Domain.Rollups;

/// <summary>Which cells of a roll-up a query reads: one handler or all, and all events or one segment.</summary>
/// <param name="Handler">Only events of this handler; null for all.</param>
/// <param name="Dimension">The attribute of <paramref name="Value"/>; null for all events regardless of segment.</param>
/// <param name="Value">The segment value (<c>high</c>), <see cref="RollupLimits.OtherValue"/> or <see cref="RollupLimits.NoValue"/>.</param>
public sealed record CellFilter(Handler? Handler = null, string? Dimension = null, string? Value = null)
{
    /// <summary>Every event.</summary>
    public static CellFilter All { get; } = new();

    /// <summary>The same filter for one handler.</summary>
    public CellFilter For(Handler handler) => this with { Handler = handler };
}
