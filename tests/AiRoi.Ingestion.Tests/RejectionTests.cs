using System.Text.Json;
using AiRoi.Domain;
using AiRoi.Domain.Events;
using AiRoi.Ingestion.Events;
using AiRoi.Ingestion.Rejections;

namespace AiRoi.Ingestion.Tests;

/// <summary>A refused request's events, counted under the use case each names and the first error of each.</summary>
public class RejectionTests
{
    private static string Event(string id, string useCase, string extra = "") =>
        $$"""{"eventId":"{{id}}","useCaseId":"{{useCase}}","startedAt":"2026-03-10T09:00:00Z","completedAt":"2026-03-10T09:05:00Z","handler":"ai"{{extra}}}""";

    private static (JsonDocument Body, EventBatch Batch) Read(params string[] events)
    {
        var body = JsonDocument.Parse($"{{\"events\":[{string.Join(",", events)}]}}");
        return (body, EventBatchReader.Read(body.RootElement, Csv.Now, EventLimits.Default));
    }

    private static IEnumerable<(string UseCase, string Code, int Events)> Counts(Rejection rejection) =>
        rejection.Groups.Select(group => (group.UseCaseId, group.Code, group.Events));

    [Fact]
    public void Each_event_of_a_refused_batch_counts_under_its_use_case_and_first_error_and_valid_ones_as_refused_with_the_batch()
    {
        var (body, batch) = Read(
            Event("a", "support", ",\"csat\":9"),
            Event("b", "support", ",\"csat\":9,\"nps\":11"),
            Event("c", "support"),
            Event("d", "sales", ",\"handler\":\"robot\""),
            "42");
        using (body)
        {
            Assert.False(batch.IsValid);
            var rejection = Rejection.OfEventBatch(body.RootElement, batch.Errors, batch.FirstErrorCodes);

            Assert.Equal(
                [("", "invalid-value", 1), ("sales", "invalid-value", 1), ("support", "out-of-range", 2), ("support", Rejection.RefusedWithBatch, 1)],
                Counts(rejection));
            var csat = rejection.Groups.Single(group => group.Code == "out-of-range");
            Assert.StartsWith("events[0]", csat.Example, StringComparison.Ordinal);
            Assert.Contains("csat", csat.Example, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Codes_of_events_past_the_reported_errors_are_still_counted()
    {
        var events = Enumerable.Range(0, Events.EventBatchLimits.MaxReportedErrors + 50).Select(i => Event($"e{i}", "support", ",\"csat\":9")).ToArray();
        var (body, batch) = Read(events);
        using (body)
        {
            Assert.Equal(Events.EventBatchLimits.MaxReportedErrors, batch.Errors.Count);
            var rejection = Rejection.OfEventBatch(body.RootElement, batch.Errors, batch.FirstErrorCodes);
            Assert.Equal([("support", "out-of-range", events.Length)], Counts(rejection));
        }
    }

    [Fact]
    public void Events_refused_for_an_error_of_the_batch_itself_count_under_that_error()
    {
        using var body = JsonDocument.Parse($"{{\"events\":[{Event("a", "support")},{Event("b", "support", ",\"csat\":0")}],\"dryRun\":true}}");
        var batch = EventBatchReader.Read(body.RootElement, Csv.Now, EventLimits.Default);

        var rejection = Rejection.OfEventBatch(body.RootElement, batch.Errors, batch.FirstErrorCodes);

        Assert.Equal([("support", "out-of-range", 1), ("support", "unknown-field", 1)], Counts(rejection));
        Assert.Contains("dryRun", rejection.Groups.Single(group => group.Code == "unknown-field").Example, StringComparison.Ordinal);
    }

    [Fact]
    public void Events_count_only_under_use_case_ids_the_key_may_write_and_only_so_many_use_cases_a_request()
    {
        var events = new[] { Event("a", "mine", ",\"csat\":9"), Event("b", "theirs", ",\"csat\":9"), Event("c", "Not A Slug", ",\"csat\":9") }
            .Concat(Enumerable.Range(0, Rejection.MaxUseCasesPerRequest + 5).Select(i => Event($"x{i}", $"spam-{i}", ",\"csat\":9")))
            .ToArray();
        var (body, batch) = Read(events);
        using (body)
        {
            var rejection = Rejection.OfEventBatch(body.RootElement, batch.Errors, batch.FirstErrorCodes);
            var groups = rejection.GroupsFor(useCase => useCase != "theirs", rejection.NamedUseCases(useCase => useCase != "theirs").ToHashSet());

            var counted = groups.Select(group => group.UseCaseId).Distinct().ToList();
            Assert.Contains("mine", counted);
            Assert.DoesNotContain("theirs", counted);
            Assert.Equal(Rejection.MaxUseCasesPerRequest + 1, counted.Count); // the first 100 ids, and the rest unattributed
            // theirs, the non-slug, and the 6 spam ids past the first 100 use cases ("mine" took one place).
            Assert.Equal(2 + 6, groups.Where(group => group.UseCaseId == Rejection.Unattributed).Sum(group => group.Events));
            Assert.Equal(events.Length, groups.Sum(group => group.Events));
        }
    }

    [Fact]
    public void Events_naming_unregistered_use_cases_count_in_one_bucket_whatever_ids_they_name()
    {
        var ids = Enumerable.Range(0, 50).Select(i => $"made-up-{i}").ToList();
        var events = ids.Select((id, i) => Event($"e{i}", id)).ToArray();
        var (body, _) = Read(events);
        using (body)
        {
            var closed = ids.Select((id, i) => new ValidationError($"events[{i}].useCaseId", EventLogWriter.UnknownUseCase, $"useCaseId '{id}' is not registered.")).ToList();

            var groups = Rejection.OfEventBatch(body.RootElement, closed).GroupsFor(_ => true, new HashSet<string>());

            var group = Assert.Single(groups);
            Assert.Equal((Rejection.Unregistered, EventLogWriter.UnknownUseCase, 50), (group.UseCaseId, group.Code, group.Events));
            Assert.Contains("made-up-0", group.Example, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Invalid_events_naming_ids_the_registry_does_not_know_count_in_the_unregistered_bucket()
    {
        var events = new[] { Event("a", "known", ",\"csat\":9") }
            .Concat(Enumerable.Range(0, 40).Select(i => Event($"x{i}", $"junk-{i}", ",\"csat\":9")))
            .ToArray();
        var (body, batch) = Read(events);
        using (body)
        {
            var rejection = Rejection.OfEventBatch(body.RootElement, batch.Errors, batch.FirstErrorCodes);
            Assert.Equal(41, rejection.NamedUseCases(_ => true).Count);

            var groups = rejection.GroupsFor(_ => true, new HashSet<string> { "known" });

            Assert.Equal([("(unregistered)", "out-of-range", 40), ("known", "out-of-range", 1)], groups.Select(group => (group.UseCaseId, group.Code, group.Events)));
            // When the registry cannot be asked, the named ids count under no use case rather than under made-up ones.
            Assert.Equal([(Rejection.Unattributed, 41)], rejection.GroupsFor(_ => true, null).Select(group => (group.UseCaseId, group.Events)));
        }
    }

    [Fact]
    public void A_use_case_id_that_is_not_a_readable_string_counts_unattributed_rather_than_failing()
    {
        using var body = JsonDocument.Parse($"{{\"events\":[{Event("a", "\\uD800")}]}}");
        var batch = EventBatchReader.Read(body.RootElement, Csv.Now, EventLimits.Default);

        var rejection = Rejection.OfEventBatch(body.RootElement, batch.Errors, batch.FirstErrorCodes);

        Assert.Equal(Rejection.Unattributed, Assert.Single(rejection.Groups).UseCaseId);
    }

    [Fact]
    public void An_example_is_shortened_without_cutting_a_character_in_two()
    {
        var text = new string('a', RejectionLog.ExampleLength - 1) + "😀tail";

        var shortened = RejectionLog.Shorten(text);

        Assert.Equal(RejectionLog.ExampleLength - 1, shortened.Length);
        Assert.Equal("x", RejectionLog.Shorten("x"));
        _ = System.Text.Encoding.UTF8.GetBytes(shortened.ToCharArray(), 0, shortened.Length); // encodes: no lone surrogate
        Assert.False(char.IsHighSurrogate(shortened[^1]));
    }

    [Fact]
    public void Rows_past_the_listed_errors_of_a_csv_file_count_under_that_notice_not_as_valid()
    {
        var rows = Enumerable.Range(0, Import.CsvLimits.MaxListedErrors + 20).Select(i => Csv.Row(("eventId", $"e{i}"), ("csat", "9"))).ToArray();
        var read = Csv.Read(Csv.Lines([Csv.FullHeader, .. rows]), maxRows: 5_000, useCaseId: "support-bot");

        var rejection = Rejection.OfCsvImport("support-bot", read);

        Assert.Equal([("support-bot", "out-of-range", Import.CsvLimits.MaxListedErrors), ("support-bot", "too-many", 20)], Counts(rejection));
        Assert.Contains("not listed", rejection.Groups.Single(group => group.Code == "too-many").Example, StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_with_no_readable_events_counts_the_request_with_no_events()
    {
        var rejection = Rejection.OfEventBatch(null, [new AiRoi.Domain.ValidationError("$", "malformed-json", "The body is not valid JSON at line 1, byte 3.")]);

        var group = Assert.Single(rejection.Groups);
        Assert.Equal((Rejection.Unattributed, "malformed-json", 0), (group.UseCaseId, group.Code, group.Events));
        Assert.Contains("line 1", group.Example, StringComparison.Ordinal);
    }

    [Fact]
    public void A_batch_refused_for_the_keys_scope_counts_the_forbidden_events_and_the_rest()
    {
        using var body = JsonDocument.Parse($"{{\"events\":[{Event("a", "theirs")},{Event("b", "mine")}]}}");
        var rejection = Rejection.OfEventBatch(body.RootElement, [new AiRoi.Domain.ValidationError("events[0].useCaseId", "forbidden", "events[0]: not in scope.")]);

        Assert.Equal([("mine", Rejection.RefusedWithBatch, 1), ("theirs", "forbidden", 1)], Counts(rejection));
    }

    [Fact]
    public void A_refused_csv_file_counts_each_bad_row_once_under_its_first_error_and_the_good_rows_as_refused_with_it()
    {
        var read = Csv.Read(Csv.Lines(
            Csv.FullHeader,
            Csv.Row(("csat", "9"), ("nps", "11")),
            Csv.Row(("eventId", "evt-2")),
            Csv.Row(("eventId", "evt-3"), ("handler", "")),
            Csv.Row(("eventId", "evt-4"))), useCaseId: "support-bot");

        var rejection = Rejection.OfCsvImport("support-bot", read);

        Assert.Equal(
            [("support-bot", "out-of-range", 1), ("support-bot", Rejection.RefusedWithBatch, 2), ("support-bot", "required", 1)],
            Counts(rejection));
        Assert.StartsWith("line 2: ", rejection.Groups.Single(group => group.Code == "out-of-range").Example, StringComparison.Ordinal);
    }
}
