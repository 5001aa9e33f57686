using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AiRoi.Client;
using AiRoi.Simulation;
using Aspire.Hosting.Testing;

namespace AiRoi.Bench;

/// <summary>
/// In-process assignment by the .NET client next to the assignment API, in one run: the latency of
/// <see cref="AiRoiClient.Assign"/> per call (microseconds) and of <c>GET /api/v1/experiments/{id}/assignment</c> (one
/// call at a time, straight to the service), with every HTTP answer checked against the client's.
/// </summary>
public static class ClientBenchmark
{
    /// <summary>Runs the benchmark and answers its markdown section.</summary>
    public static async Task<string> RunAsync(int inProcessCalls, int httpCalls, string commandLine)
    {
        Console.WriteLine($"Starting the stack ({BenchmarkReport.Machine()})");
        await using var stack = await BenchStack.StartAsync();
        using var metrics = stack.Client("metrics");
        using var experiments = stack.Client("experiments");
        var useCase = $"client-bench-{Guid.NewGuid():N}"[..20];
        await BenchStack.ExpectSuccessAsync(await metrics.PostAsJsonAsync("/api/v1/use-cases", PortfolioSimulator.UseCase(useCase, 1, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30))));
        var created = await experiments.PostAsJsonAsync("/api/v1/experiments", new JsonObject
        {
            ["useCaseId"] = useCase,
            ["name"] = "Client assignment",
            ["variants"] = new JsonArray(new JsonObject { ["name"] = "control", ["weight"] = 0.5 }, new JsonObject { ["name"] = "treatment", ["weight"] = 0.5 }),
            ["primaryMetric"] = "conversionRate",
        });
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        await BenchStack.ExpectSuccessAsync(await experiments.PostAsync($"/api/v1/experiments/{id}/start", null));

        using var direct = stack.DirectClient("experiments");
        direct.DefaultRequestHeaders.Add("X-Api-Key", "airoi-dev-key");
        await using var client = new AiRoiClient(new AiRoiOptions
        {
            IngestionEndpoint = stack.App.GetEndpoint("ingestion", "http"),
            ExperimentsEndpoint = direct.BaseAddress,
            ApiKey = "airoi-dev-key",
        });
        await client.RefreshExperimentsAsync();

        Console.WriteLine($"{inProcessCalls:N0} in-process assignments");
        for (var i = 0; i < 10_000; i++)
        {
            client.Assign(id, $"warm-{i}");
        }
        var inProcess = new double[inProcessCalls];
        for (var i = 0; i < inProcessCalls; i++)
        {
            var subject = $"customer-{i}";
            var start = Stopwatch.GetTimestamp();
            var assignment = client.Assign(id, subject);
            inProcess[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            if (assignment is null)
            {
                throw new InvalidOperationException($"No variant for {subject}.");
            }
        }

        Console.WriteLine($"{httpCalls:N0} assignment API calls");
        var http = new double[httpCalls];
        for (var i = -100; i < httpCalls; i++)
        {
            var subject = $"customer-{Math.Max(i, 0)}";
            var start = Stopwatch.GetTimestamp();
            var answer = (await direct.GetFromJsonAsync<JsonObject>($"/api/v1/experiments/{id}/assignment?subjectId={subject}"))!;
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            if (i >= 0)
            {
                http[i] = elapsed;
                if (answer["variant"]?.GetValue<string>() != client.Assign(id, subject)?.Variant)
                {
                    throw new InvalidOperationException($"The client and the service differ for {subject}.");
                }
            }
        }

        string Row(string name, double[] micros) => string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {micros.Length:N0} | {Percentile(micros, 50):0.0} | {Percentile(micros, 99):0.0} | {Percentile(micros, 100):0.0} |");
        var table = string.Join('\n',
            "| assignment | calls | p50 µs | p99 µs | max µs |",
            "|---|---:|---:|---:|---:|",
            Row("`AiRoiClient.Assign`, in-process", inProcess),
            Row("`GET /api/v1/experiments/{id}/assignment`, one call at a time", http));
        var ratio = Percentile(http, 99) / Percentile(inProcess, 99);
        Console.WriteLine(table);
        return $"""
            Command: `dotnet run -c Release --project bench/AiRoi.Bench -- {commandLine}` · machine: {BenchmarkReport.Machine()} · {DateTime.UtcNow:yyyy-MM-dd}

            {table}

            Target: in-process p99 under 50 µs. Every HTTP answer equalled the client's for the same subject. The
            assignment API's p99 is **{ratio:N0}×** the client's in the same run.
            """;
    }

    private static double Percentile(double[] values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
