namespace AiRoi.Contracts.Api;

/// <summary><c>GET /api/v1/rejections</c>: refused events over the last <see cref="Days"/> UTC days (today included), per use case.</summary>
/// <param name="Days">The period asked for.</param>
/// <param name="Since">Its first day.</param>
/// <param name="Events">Events refused in all.</param>
/// <param name="UseCases">Per use case, the latest refusal first.</param>
public sealed record RejectionsReport(int Days, DateOnly Since, long Events, IReadOnlyList<UseCaseRejections> UseCases)
{
    /// <summary>The use case's refusals; null when it had none.</summary>
    public UseCaseRejections? For(string useCaseId) => UseCases.FirstOrDefault(useCase => useCase.UseCaseId == useCaseId);
}

/// <summary>Refused events of one use case for one reason and source over the period read.</summary>
/// <param name="Code">The reason (an error code, or <c>refused-with-batch</c>).</param>
/// <param name="Source"><c>events</c> or <c>csv</c>.</param>
/// <param name="Requests">Refused requests that held such events.</param>
/// <param name="Events">Events refused.</param>
/// <param name="LastAt">The latest such refusal.</param>
/// <param name="Example">The latest refusal's message for this reason.</param>
public sealed record RejectionReason(string Code, string Source, long Requests, long Events, DateTimeOffset LastAt, string Example)
{
    /// <summary>The code of valid events refused because others in their batch or file were not.</summary>
    public const string RefusedWithBatch = "refused-with-batch";

    /// <summary>Whether these were valid events, refused because others in their batch or file were not.</summary>
    public bool RefusedWithOthers => Code == RefusedWithBatch;
}

/// <summary>A use case's refused events over the period read.</summary>
/// <param name="UseCaseId">The use case as the events named it (registered or not); empty when none could be read.</param>
/// <param name="Events">Events refused.</param>
/// <param name="LastAt">The latest refusal.</param>
/// <param name="Reasons">By reason and source, most events first.</param>
public sealed record UseCaseRejections(string UseCaseId, long Events, DateTimeOffset LastAt, IReadOnlyList<RejectionReason> Reasons);
