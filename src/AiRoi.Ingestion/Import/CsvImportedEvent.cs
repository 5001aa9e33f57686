using AiRoi.Domain.Events;

namespace AiRoi.Ingestion.Import;

/// <summary>A valid outcome event read from a CSV file, with the line its row starts on.</summary>
/// <param name="Line">The 1-based physical line the row starts on (the header is line 1).</param>
/// <param name="Event">The event, which passed <see cref="OutcomeEventValidator"/>.</param>
public sealed record CsvImportedEvent(int Line, OutcomeEvent Event);
