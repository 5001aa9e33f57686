using System.Globalization;
using System.Text;
using AiRoi.Domain;

namespace AiRoi.Ingestion.Import;

/// <summary>
/// Sits between the file and the CSV parser and refuses input that would cost unbounded memory before the parser
/// holds it: a row longer than <see cref="CsvLimits.MaxRowLength"/>, or bytes that are not UTF-8. It counts the
/// physical lines itself, so such a refusal names the exact line even though the parser reads ahead in blocks.
/// </summary>
internal sealed class CsvInputGuard(TextReader inner, int maxRowLength) : TextReader
{
    private Rfc4180Scanner scanner;
    private int line = 1;
    private int rowStartLine = 1;
    private int rowLength;
    private bool previousWasCarriageReturn;

    public override int Peek() => inner.Peek();

    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        int read;
        try
        {
            read = inner.Read(buffer);
        }
        catch (DecoderFallbackException)
        {
            // The decoder works in blocks, so the bad bytes lie somewhere after the text delivered so far.
            throw new CsvInputRefusedException(new CsvRowError(line, "", ValidationCodes.InvalidFormat,
                $"The file is not valid UTF-8 text (the first bad bytes are on line {line} or soon after); save it as UTF-8."));
        }

        foreach (var c in buffer[..read])
        {
            Track(c);
        }

        return read;
    }

    private void Track(char c)
    {
        var step = scanner.Next(c);
        if (step == CsvStep.RecordEnd)
        {
            rowLength = 0;
        }
        else if (++rowLength > maxRowLength)
        {
            throw new CsvInputRefusedException(new CsvRowError(rowStartLine, "", ValidationCodes.TooLong, string.Create(CultureInfo.InvariantCulture,
                $"The row starting on line {rowStartLine} is longer than {maxRowLength:N0} characters; reading stopped there.")));
        }

        if (c == '\r' || (c == '\n' && !previousWasCarriageReturn))
        {
            line++;
        }

        previousWasCarriageReturn = c == '\r';
        if (step == CsvStep.RecordEnd)
        {
            rowStartLine = line;
        }
    }
}
