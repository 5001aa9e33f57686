namespace AiRoi.Ingestion.Import;

/// <summary>Input the guard refused; the reader turns it into a file-level error and stops.</summary>
internal sealed class CsvInputRefusedException(CsvRowError error) : Exception(error.Message)
{
    public CsvRowError Error { get; } = error;
}
