using AiRoi.Contracts.Api;
using System.Globalization;
using System.Text.Json;
using AiRoi.Domain;
using AiRoi.Ingestion.Events;
using AiRoi.Ingestion.Import;
using AiRoi.ServiceDefaults.Http;

namespace AiRoi.Ingestion.Rejections;

/// <summary>Events of one refused request, counted under one use case for one reason: a row of the rejection log.</summary>
/// <param name="UseCaseId">The use case the events name; <see cref="Rejection.Unattributed"/> when none could be read.</param>
/// <param name="Code">Why: the first error code of each event, or <see cref="Rejection.RefusedWithBatch"/>.</param>
/// <param name="Events">How many events.</param>
/// <param name="Example">One error message of the group, to show what to fix.</param>
public sealed record RejectedEvents(string UseCaseId, string Code, int Events, string Example);

/// <summary>
/// The events of one refused request (a batch or a CSV file is refused whole, ADR-0009), each counted under the use
/// case it names and the code of its first error; events with no error of their own were refused with the rest.
/// </summary>
public sealed class Rejection
{
    /// <summary>The code of a valid event refused because others in its batch or file were not.</summary>
    public const string RefusedWithBatch = RejectionReason.RefusedWithBatch;

    /// <summary>
    /// The use case of events whose use case could not be read (a body that is not JSON, an event that is not an
    /// object), is not a use-case id, lies outside the key's scope, or is past <see cref="MaxUseCasesPerRequest"/>.
    /// </summary>
    public const string Unattributed = "";

    /// <summary>
    /// Where events naming a use case that is not registered are counted, whatever id they name, so that made-up ids
    /// add one row to the rejections list rather than one each; the example still names the id.
    /// </summary>
    public const string Unregistered = "(unregistered)";

    /// <summary>Most use cases one refused request is counted under; the rest count as <see cref="Unattributed"/>.</summary>
    public const int MaxUseCasesPerRequest = 100;

    private readonly Dictionary<(string UseCaseId, string Code), (int Events, string Example)> groups = [];

    /// <summary>The counted groups, by use case then code.</summary>
    public IReadOnlyList<RejectedEvents> Groups => groups
        .OrderBy(group => group.Key.UseCaseId, StringComparer.Ordinal).ThenBy(group => group.Key.Code, StringComparer.Ordinal)
        .Select(group => new RejectedEvents(group.Key.UseCaseId, group.Key.Code, group.Value.Events, group.Value.Example))
        .ToList();

    /// <summary>
    /// A refused <c>POST /api/v1/events</c>. <paramref name="body"/> is the parsed body (null when it was not JSON);
    /// <paramref name="errors"/> the reported errors, named <c>events[3].csat</c>; <paramref name="firstCodes"/>, when
    /// known, every invalid event's first code, reported or not. An event with no error of its own counts under
    /// the batch's own error when there is one (an unknown field beside <c>events</c>, too many events), else as
    /// <see cref="RefusedWithBatch"/>.
    /// </summary>
    /// <param name="body">The parsed body; null when it was not JSON.</param>
    /// <param name="errors">The reported errors.</param>
    /// <param name="firstCodes">Every invalid event's first code, when known.</param>
    public static Rejection OfEventBatch(
        JsonElement? body, IReadOnlyList<ValidationError> errors, IReadOnlyDictionary<int, string>? firstCodes = null)
    {
        var rejection = new Rejection();
        var messages = new Dictionary<int, ValidationError>();
        foreach (var error in errors)
        {
            if (EventIndex(error.Field) is { } index)
            {
                messages.TryAdd(index, error);
            }
        }
        var useCases = UseCasesOf(body);
        if (useCases.Count == 0)
        {
            // Nothing of the batch could be read as events: the request is counted, with no events.
            var first = errors.Count > 0 ? errors[0] : new ValidationError("$", RequestProblems.InvalidValue.Slug, "The batch was refused.");
            rejection.Add(Unattributed, first.Code, first.Message, events: 0);
            return rejection;
        }
        // An error of the batch itself (an unknown field beside events, too many events) refuses every event for it.
        var ofTheBatch = errors.FirstOrDefault(error => EventIndex(error.Field) is null);
        for (var index = 0; index < useCases.Count; index++)
        {
            var code = firstCodes is not null && firstCodes.TryGetValue(index, out var known) ? known
                : messages.TryGetValue(index, out var reported) ? reported.Code
                : ofTheBatch?.Code ?? RefusedWithBatch;
            var example = messages.TryGetValue(index, out var message) && message.Code == code ? message.Message
                : ofTheBatch is not null && ofTheBatch.Code == code ? ofTheBatch.Message
                : code == RefusedWithBatch ? $"events[{index}] was valid; the batch was refused for the others." : $"events[{index}]: {code}.";
            rejection.Add(useCases[index], code, example);
        }
        return rejection;
    }

    /// <summary>
    /// A refused CSV import into <paramref name="useCaseId"/>: each listed row error under its row's first error; the
    /// other rows under the file's own error (its header, too many rows, errors past those listed) or refused with it.
    /// </summary>
    public static Rejection OfCsvImport(string useCaseId, CsvImportResult read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var rejection = new Rejection();
        var rowsWithErrors = 0;
        foreach (var line in read.Errors.Where(error => !IsOfTheFile(error)).GroupBy(error => error.Line))
        {
            var first = line.First();
            rejection.Add(useCaseId, first.Code, $"line {first.Line}: {first.Message}");
            rowsWithErrors++;
        }
        var others = Math.Max(0, read.Rows - rowsWithErrors);
        if (others > 0)
        {
            var fileError = read.Errors.FirstOrDefault(IsOfTheFile);
            rejection.Add(useCaseId, fileError?.Code ?? RefusedWithBatch,
                fileError is null ? "The rows were valid; the file was refused for the others." : $"line {fileError.Line}: {fileError.Message}", others);
        }
        if (rejection.groups.Count == 0)
        {
            var first = read.Errors.FirstOrDefault();
            rejection.Add(useCaseId, first?.Code ?? RefusedWithBatch, first?.Message ?? "The file was refused.", events: 0);
        }
        return rejection;
    }

    /// <summary>A request refused whole for one reason (a file too large, a closed use case), with how many events it held if known.</summary>
    public static Rejection OfRequest(string useCaseId, ValidationError error, int events)
    {
        ArgumentNullException.ThrowIfNull(error);
        var rejection = new Rejection();
        rejection.Add(useCaseId, error.Code, error.Message, events);
        return rejection;
    }

    private void Add(string? useCaseId, string code, string example, int events = 1)
    {
        var key = (code == EventLogWriter.UnknownUseCase ? Unregistered : useCaseId ?? Unattributed, code);
        groups[key] = groups.TryGetValue(key, out var counted) ? (counted.Events + events, counted.Example) : (events, example);
    }

    /// <summary>
    /// The use cases <see cref="GroupsFor"/> would count under for a key that may write <paramref name="mayWrite"/>,
    /// if registered: the first <see cref="MaxUseCasesPerRequest"/> use-case ids named that the key may write.
    /// </summary>
    public IReadOnlyList<string> NamedUseCases(Func<string, bool> mayWrite)
    {
        ArgumentNullException.ThrowIfNull(mayWrite);
        return Groups.Select(group => group.UseCaseId)
            .Where(useCaseId => useCaseId != Unregistered && TextFormats.IsSlug(useCaseId) && mayWrite(useCaseId))
            .Distinct(StringComparer.Ordinal)
            .Take(MaxUseCasesPerRequest)
            .ToList();
    }

    /// <summary>
    /// The groups as they are counted for a key that may write <paramref name="mayWrite"/>: under the use case named
    /// when it is one of <see cref="NamedUseCases"/> and registered; under <see cref="Unregistered"/> when it is one of
    /// them and not registered; else under <see cref="Unattributed"/>. So no key adds counts to another team's use
    /// case, and made-up ids add one row, not one each.
    /// </summary>
    /// <param name="mayWrite">Whether the key may write a use case.</param>
    /// <param name="registered">
    /// Which of <see cref="NamedUseCases"/> are registered; null when that could not be learned, and they count as
    /// <see cref="Unattributed"/>.
    /// </param>
    public IReadOnlyList<RejectedEvents> GroupsFor(Func<string, bool> mayWrite, IReadOnlySet<string>? registered)
    {
        var named = NamedUseCases(mayWrite).ToHashSet(StringComparer.Ordinal);
        var counted = new Rejection();
        foreach (var group in Groups)
        {
            var useCaseId = group.UseCaseId == Unregistered ? Unregistered
                : !named.Contains(group.UseCaseId) || registered is null ? Unattributed
                : registered.Contains(group.UseCaseId) ? group.UseCaseId
                : Unregistered;
            counted.Add(useCaseId, group.Code, group.Example, group.Events);
        }
        return counted.Groups;
    }

    /// <summary>An error of the whole file rather than of one row: its header, too many rows, or errors not listed.</summary>
    private static bool IsOfTheFile(CsvRowError error) => error.Line <= 1 || error.Code == ValidationCodes.TooMany;

    /// <summary>Per element of the body's <c>events</c> array, its <c>useCaseId</c> when it is a readable string.</summary>
    private static List<string?> UseCasesOf(JsonElement? body)
    {
        var useCases = new List<string?>();
        if (body is not { ValueKind: JsonValueKind.Object } root || !root.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
        {
            return useCases;
        }
        foreach (var element in events.EnumerateArray())
        {
            useCases.Add(element.ValueKind == JsonValueKind.Object
                && element.TryGetProperty("useCaseId", out var id) && id.ValueKind == JsonValueKind.String
                && TryRead(id) is { } useCaseId ? useCaseId : null);
        }
        return useCases;
    }

    /// <summary>The string, or null when it cannot be read as one (an unpaired surrogate escape).</summary>
    private static string? TryRead(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>3 for <c>events[3]</c> or <c>events[3].csat</c>; null for a field of the batch.</summary>
    private static int? EventIndex(string field)
    {
        const string prefix = "events[";
        if (!field.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }
        var end = field.IndexOf(']', prefix.Length);
        return end > prefix.Length && int.TryParse(field.AsSpan(prefix.Length, end - prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? index
            : null;
    }
}
