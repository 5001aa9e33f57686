using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Aspire.Hosting.Testing;

namespace AiRoi.Stack.Tests;

[Collection(StackCollection.Name)]
public sealed class CsvImportTests(StackFixture stack)
{
    private const string Header = "eventId,useCaseId,startedAt,completedAt,handler,resolved,csat,humanMinutes,escalationReason,escalated";

    [Fact]
    public async Task A_valid_file_is_imported_and_importing_it_again_counts_each_row_once()
    {
        var useCase = await NewUseCaseAsync();
        var csv = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < 25; i++)
        {
            csv.Append($"h{i},{useCase},2025-03-0{1 + i % 9}T09:00:00Z,2025-03-0{1 + i % 9}T09:30:00Z,human,true,{1 + i % 5},30,,false\n");
        }

        var first = await ImportAsync(useCase, csv.ToString());
        var second = await ImportAsync(useCase, csv.ToString());

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(25, first.Body["accepted"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(0, second.Body["accepted"]!.GetValue<int>());
        Assert.Equal(25, second.Body["duplicates"]!.GetValue<int>());
        Assert.Equal(25, await StackDatabase.ScalarAsync(stack, "metricsdb", "select count(*) from metrics.outcome_events where use_case_id = $1", useCase));
    }

    [Fact]
    public async Task A_file_with_one_bad_row_is_refused_whole_with_its_line_number()
    {
        var useCase = await NewUseCaseAsync();
        // CRLF line endings and a quoted comma on line 3; the bad row (CSAT 9) is line 4 of the file.
        var csv = $"{Header}\r\n" +
                  $"a1,{useCase},2025-03-01T09:00:00Z,2025-03-01T09:30:00Z,human,true,4,30,,false\r\n" +
                  $"a2,{useCase},2025-03-01T10:00:00Z,2025-03-01T10:30:00Z,human,false,2,45,\"billing, dispute\",true\r\n" +
                  $"a3,{useCase},2025-03-01T11:00:00Z,2025-03-01T11:30:00Z,human,true,9,30,,false\r\n";

        var answer = await ImportAsync(useCase, csv);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("https://airoi.dev/problems/csv-rejected", answer.Body["type"]!.GetValue<string>());
        var lines = answer.Body["lines"]!.AsArray();
        Assert.True(lines.Count == 1, $"Expected one error, got {lines.ToJsonString()}");
        var line = lines[0];
        Assert.Equal(4, line!["line"]!.GetValue<int>());
        Assert.Equal("csat", line["field"]!.GetValue<string>());
        Assert.Equal(0, await StackDatabase.ScalarAsync(stack, "metricsdb", "select count(*) from metrics.event_ids where use_case_id = $1", useCase));
    }

    [Fact]
    public async Task Rows_for_another_use_case_are_refused()
    {
        var useCase = await NewUseCaseAsync();
        var csv = $"{Header}\nb1,some-other-use-case,2025-03-01T09:00:00Z,2025-03-01T09:30:00Z,human,true,4,30,,false\n";

        var answer = await ImportAsync(useCase, csv);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(2, answer.Body["lines"]![0]!["line"]!.GetValue<int>());
        Assert.Equal("useCaseId", answer.Body["lines"]![0]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_refused_file_counts_its_rows_as_refused_under_the_use_case_for_the_data_page()
    {
        var useCase = await NewUseCaseAsync();
        var csv = $"{Header}\n" +
            $"r1,{useCase},2025-03-01T09:00:00Z,2025-03-01T09:30:00Z,human,true,4,30,,false\n" +
            $"r2,{useCase},2025-03-01T09:00:00Z,2025-03-01T09:30:00Z,human,true,9,30,,false\n" +
            $"r3,{useCase},2025-03-01T09:00:00Z,2025-03-01T09:30:00Z,human,true,4,30,,false\n";

        Assert.Equal(HttpStatusCode.BadRequest, (await ImportAsync(useCase, csv)).Status);

        Assert.Equal(new Dictionary<string, long> { ["out-of-range/csv"] = 1, ["refused-with-batch/csv"] = 2 },
            await StackRejections.ByReasonAsync(stack, useCase));
    }

    private async Task<string> NewUseCaseAsync()
    {
        var id = $"csv-{Guid.NewGuid():N}"[..24];
        await StackDatabase.RegisterUseCaseAsync(stack, id);
        return id;
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> ImportAsync(string useCase, string csv)
    {
        using var client = stack.App.CreateHttpClient("ingestion", "http");
        using var timeout = new CancellationTokenSource(StackFixture.CallTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/use-cases/{useCase}/events/import")
        {
            Content = new StringContent(csv, Encoding.UTF8, "text/csv"),
        };
        request.Headers.Add("X-Api-Key", "airoi-dev-key");
        using var response = await client.SendAsync(request, timeout.Token);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync(timeout.Token))!.AsObject());
    }
}
