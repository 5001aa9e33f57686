namespace AiRoi.Experiments.DeadLetters;

/// <summary>A message the consumer gave up on, as the error queue holds it.</summary>
/// <param name="MessageId">MassTransit's message id: what a replay names.</param>
/// <param name="UseCaseId">The use case whose events it carries, when it could be read.</param>
/// <param name="Events">How many events it carries, when it could be read.</param>
/// <param name="FaultedAt">When the consumer gave up on it.</param>
/// <param name="ExceptionType">The type of the last failure.</param>
/// <param name="Reason">The last failure's message.</param>
public sealed record DeadLetter(string? MessageId, string? UseCaseId, int? Events, string? FaultedAt, string? ExceptionType, string? Reason);

/// <summary>The error queue's content.</summary>
/// <param name="Queue">The error queue.</param>
/// <param name="Count">Messages in it.</param>
/// <param name="Messages">The first of them, oldest first.</param>
public sealed record DeadLetterList(string Queue, long Count, IReadOnlyList<DeadLetter> Messages);

/// <summary>The body of a replay: which messages to move back; all of them when left out.</summary>
public sealed record ReplayRequest
{
    /// <summary>Message ids from the list; null or absent replays every message.</summary>
    public IReadOnlyList<string>? MessageIds { get; init; }
}

/// <summary>What a replay did.</summary>
/// <param name="Replayed">Messages moved back to the consumer's queue.</param>
/// <param name="Remaining">Messages left in the error queue.</param>
public sealed record ReplayResult(int Replayed, long Remaining);
