using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AiRoi.Simulation;

namespace AiRoi.Bench;

/// <summary>
/// The assignment benchmark: the latency of <c>GET /api/v1/experiments/{id}/assignment</c> under a paced
/// load of a given rate, over real HTTP against the whole stack (client and stack share the machine).
/// </summary>
public static class AssignmentBenchmark
{
    /// <summary>Workers that share the load; each sends every workers/rate seconds.</summary>
    private const int Workers = 50;

    /// <summary>Alternating measurement rounds per path.</summary>
    private const int Rounds = 3;

    /// <summary>h2load's connections: requests leave in bursts of this many, one burst every clients/rate seconds.</summary>
    private const int H2LoadClients = 10;

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

        // Three paths in alternating rounds, so each sees the same machine: the service's own address (as a deployment
        // calls it) loaded by h2load, a C client on one thread; the same address loaded by a managed HttpClient in this
        // process, which also hosts the orchestrator; and the orchestrator's development proxy in front of the service.
        using var direct = stack.DirectClient("experiments");
        using var proxied = stack.PlainClient("experiments");
        var uris = Enumerable.Range(0, rate * seconds / Rounds / H2LoadClients)
            .Select(i => new Uri(direct.BaseAddress!, $"/api/v1/experiments/{id}/assignment?subjectId=h{i}"))
            .ToList();
        Console.WriteLine("Warming up");
        await LoadAsync(direct, id, rate, 5, new Latencies("warm-up"));
        await LoadAsync(proxied, id, rate, 5, new Latencies("warm-up"));
        var byH2Load = new Latencies($"assignment at {rate:N0} requests/s, the service's own address, h2load");
        var latencies = new Latencies($"assignment at {rate:N0} requests/s, the service's own address, HttpClient");
        var throughProxy = new Latencies($"assignment at {rate:N0} requests/s, the orchestrator's development proxy, HttpClient");
        var measured = TimeSpan.Zero;
        for (var round = 0; round < Rounds; round++)
        {
            Console.WriteLine($"Round {round + 1} of {Rounds}: {rate} requests/s for {seconds / Rounds} s on each path");
            if (H2Load.IsInstalled)
            {
                await H2Load.RunAsync(uris, rate, seconds / Rounds, H2LoadClients, byH2Load);
            }
            var watch = Stopwatch.StartNew();
            await LoadAsync(direct, id, rate, seconds / Rounds, latencies);
            measured += watch.Elapsed;
            await LoadAsync(proxied, id, rate, seconds / Rounds, throughProxy);
        }
        total.Stop();

        // The verdict is the service's: its own address under the lightest client there is here.
        var judged = H2Load.IsInstalled ? byH2Load : latencies;
        var achieved = H2Load.IsInstalled ? byH2Load.Count / (double)(Rounds * (seconds / Rounds)) : latencies.Count / measured.TotalSeconds;
        var verdict = judged.Percentile(99) < 5 && achieved >= rate * 0.95 ? "met" : "not met";
        var report = new StringBuilder();
        report.AppendLine("## Assignment: a running experiment under a paced load");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"- Run on {DateTime.UtcNow:yyyy-MM-dd}, {BenchmarkReport.Machine()}; the whole stack and the load generator on the same machine.");
        report.AppendLine(CultureInfo.InvariantCulture, $"- Command: `dotnet run -c Release --project bench/AiRoi.Bench -- {commandLine}` ({total.Elapsed.TotalMinutes:0.0} min).");
        var clients = H2Load.IsInstalled
            ? string.Create(CultureInfo.InvariantCulture, $"h2load (nghttp2-client): {H2LoadClients} connections at {rate / H2LoadClients:N0} requests/s each, cycling through {uris.Count:N0} subjects.")
            : "h2load with `--rps` is not installed (`apt-get install nghttp2-client`), so its path was not measured.";
        report.AppendLine(CultureInfo.InvariantCulture, $"- Load: {rate:N0} requests/s over HTTP/1.1 keep-alive, {Rounds} alternating rounds of {seconds / Rounds} s per path after 5 s of warm-up. {clients} HttpClient: {Workers} workers pacing the requests evenly, each request for a new subject.");
        report.AppendLine(CultureInfo.InvariantCulture, $"- Target: p99 under 5 ms at 2,000 requests/s at the service's own address ({(H2Load.IsInstalled ? "h2load" : "HttpClient")}): **{verdict}** (p99 {judged.Percentile(99):0.00} ms at {achieved:N0} requests/s).");
        report.AppendLine();
        report.AppendLine("| call | calls | p50 ms | p95 ms | p99 ms | max ms |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|");
        if (H2Load.IsInstalled)
        {
            report.AppendLine(byH2Load.Row());
        }
        report.AppendLine(latencies.Row());
        report.AppendLine(throughProxy.Row());
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
