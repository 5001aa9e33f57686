namespace AiRoi.Contracts.UseCases;

/// <summary>What happened to each event of a batch, in batch order, and the log position afterwards.</summary>
/// <param name="Status">Whether the use case took the batch; anything but <see cref="UseCaseWriteStatus.Open"/> means nothing was written.</param>
/// <param name="Outcomes">One entry per event sent, in the same order (empty when nothing was written).</param>
/// <param name="LastSequence">The use case's last sequence number after the write.</param>
[GenerateSerializer, Immutable]
[Alias("AiRoi.Contracts.UseCases.AppendResult")]
public sealed record AppendResult(
    [property: Id(0)] UseCaseWriteStatus Status,
    [property: Id(1)] IReadOnlyList<AppendOutcome> Outcomes,
    [property: Id(2)] long LastSequence);

/// <summary>
/// One event's fate: accepted with its new sequence number, or a duplicate of one already in the log. The event is
/// the one at the same position of the batch; a value, so that a batch's answer is one array on the wire rather than
/// an object per event.
/// </summary>
/// <param name="Accepted">True when the event was new and is now in the log.</param>
/// <param name="Sequence">Its sequence number (the existing one for a duplicate).</param>
[GenerateSerializer, Immutable]
[Alias("AiRoi.Contracts.UseCases.AppendOutcome")]
public readonly record struct AppendOutcome(
    [property: Id(1)] bool Accepted,
    [property: Id(2)] long Sequence);
