using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace AiRoi.Bench;

/// <summary>
/// Issue #6's assignment benchmark: the latency of <c>GET /api/v1/experiments/{id}/assignment</c> under a paced
/// load of a given rate, over real HTTP against the whole stack (client and stack share the machine).
/// </summary>
public static class AssignmentBenchmark
{
    /// <summary>Workers that share the load; each sends every workers/rate seconds.</summary>
    private const int Workers = 50;

    /// <summary>Runs the benchmark and answers its markdown section.</summary>
    public static async Task<string> RunAsync(int rate, int seconds, string commandLine)
    {
        var total = Stopwatch.StartNew();
        Console.WriteLine($"Starting the stack ({BenchmarkReport.Machine()})");
        await using var stack = await BenchStack.StartAsync();
        using var metrics = stack.Client("metrics");
        using var experiments = stack.Client("experiments");

        var useCase = $"assign-{Guid.NewGuid():N}"[..20];
        await BenchStack.ExpectSuccessAsync(await metrics.PostAsJsonAsync("/api/v1/use-cases", PortfolioSimulator.UseCase(useCase, 0, DateOnly.FromDateTime(DateTime.UtcNow))));
        var created = await experiments.PostAsJsonAsync("/api/v1/experiments", new JsonObject
        {
            ["useCaseId"] = useCase,
            ["name"] = "Assignment load",
            ["variants"] = new JsonArray(new JsonObject { ["name"] = "control", ["weight"] = 0.5 }, new JsonObject { ["name"] = "treatment", ["weight"] = 0.5 }),
            ["primaryMetric"] = "costPerTask",
        });
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        await BenchStack.ExpectSuccessAsync(await experiments.PostAsync($"/api/v1/experiments/{id}/start", null));

        using var plain = stack.PlainClient("experiments");
        Console.WriteLine("Warming up");
        await LoadAsync(plain, id, rate, 5, new Latencies("warm-up"));
        Console.WriteLine($"Measuring {rate} requests/s for {seconds} s");
        var latencies = new Latencies($"assignment at {rate:N0} requests/s");
        var watch = Stopwatch.StartNew();
        await LoadAsync(plain, id, rate, seconds, latencies);
        var achieved = latencies.Count / watch.Elapsed.TotalSeconds;
        total.Stop();

        var verdict = latencies.Percentile(99) < 5 && achieved >= rate * 0.95 ? "met" : "not met";
        var report = new StringBuilder();
        report.AppendLine("## Assignment: a running experiment under a paced load");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"- Run on {DateTime.UtcNow:yyyy-MM-dd}, {BenchmarkReport.Machine()}; the whole stack and the load generator on the same machine.");
        report.AppendLine(CultureInfo.InvariantCulture, $"- Command: `dotnet run -c Release --project bench/AiRoi.Bench -- {commandLine}` ({total.Elapsed.TotalMinutes:0.0} min).");
        report.AppendLine(CultureInfo.InvariantCulture, $"- Load: {Workers} workers pacing {rate:N0} requests/s in total over HTTP/1.1 keep-alive with a plain `HttpClient`, each for a different subject, after 5 s of warm-up; achieved {achieved:N0} requests/s.");
        report.AppendLine(CultureInfo.InvariantCulture, $"- Target: p99 under 5 ms at 2,000 requests/s: **{verdict}** (p99 {latencies.Percentile(99):0.00} ms).");
        report.AppendLine();
        report.AppendLine("| call | calls | p50 ms | p95 ms | p99 ms | max ms |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|");
        report.AppendLine(latencies.Row());
        return report.ToString();
    }

    private static async Task LoadAsync(HttpClient client, string id, int rate, int seconds, Latencies latencies)
    {
        var period = TimeSpan.FromSeconds((double)Workers / rate);
        var perWorker = (int)(seconds * rate / (double)Workers);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(async worker =>
        {
            // Workers start spread over one period, so the requests are evenly paced, not in bursts.
            var next = period * worker / Workers;
            for (var i = 0; i < perWorker; i++)
            {
                var wait = next - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }
                next += period;
                await latencies.TimeAsync(async () =>
                {
                    using var response = await client.GetAsync($"/api/v1/experiments/{id}/assignment?subjectId=s{worker}-{i}");
                    response.EnsureSuccessStatusCode();
                    return response.StatusCode;
                });
            }
        }));
    }
}
