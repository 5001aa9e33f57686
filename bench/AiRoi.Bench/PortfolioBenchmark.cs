using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Aspire.Hosting.Testing;
using Npgsql;
using AiRoi.Simulation;

namespace AiRoi.Bench;

/// <summary>
/// The portfolio benchmark: a portfolio of use cases with a year of events each, loaded through the public APIs;
/// then the p95 of the portfolio call and of one use-case page's calls, the silo's memory, and the same
/// aggregates computed by SQL from the event log (the raw database ceiling) measured in the same run.
/// </summary>
public static class PortfolioBenchmark
{
    /// <summary>Calls of the portfolio measured after the first (which computes every summary).</summary>
    private const int PortfolioCalls = 100;

    /// <summary>Calls of the portfolio over a chosen period and over time, each computed in full.</summary>
    private const int ChosenPeriodCalls = 5;

    /// <summary>Use-case pages measured, each a different use case.</summary>
    private const int Pages = 100;

    /// <summary>Runs the benchmark and answers its markdown section.</summary>
    public static async Task<string> RunAsync(int useCases, int days, int perDay, string commandLine)
    {
        var total = Stopwatch.StartNew();
        Console.WriteLine($"Starting the stack ({BenchmarkReport.Machine()})");
        await using var stack = await BenchStack.StartAsync();
        var siloPid = stack.ProcessId("metrics", "AiRoi.Metrics");
        Console.WriteLine($"Silo process {siloPid}: {BenchStack.CommandLine(siloPid)}");
        var rssAtStart = BenchStack.ResidentBytes(siloPid);
        using var metrics = stack.Client("metrics");
        using var ingestion = stack.Client("ingestion");
        // Reads go to the silo at its own listening address, as from a load balancer in front of it.
        using var silo = stack.DirectClients("metrics")[0];
        silo.DefaultRequestHeaders.Add("X-Api-Key", "airoi-dev-key");
        var managedAtStart = await ManagedBytesAsync(metrics);

        // Events up to yesterday: today's could lie in the future, which ingestion refuses.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var from = today.AddDays(-days);
        var goLive = from.AddDays(days / 2);
        var run = Guid.NewGuid().ToString("N")[..6];
        var ids = Enumerable.Range(0, useCases).Select(i => $"bench-{run}-{i:D4}").ToList();

        Console.WriteLine($"Registering {useCases} use cases");
        await Parallel.ForEachAsync(ids.Select((id, index) => (id, index)), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (item, ct) =>
            await BenchStack.ExpectSuccessAsync(await metrics.PostAsJsonAsync("/api/v1/use-cases", PortfolioSimulator.UseCase(item.id, item.index, goLive), ct), ct));

        Console.WriteLine($"Ingesting {days} days of about {perDay} events a day for each use case");
        long events = 0;
        var ingest = Stopwatch.StartNew();
        await Parallel.ForEachAsync(ids.Select((id, index) => (id, index)), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (item, ct) =>
        {
            var simulator = new PortfolioSimulator(seed: item.index);
            var converts = item.index % 5 is 1 or 2; // sales and marketing
            foreach (var chunk in simulator.Events(item.id, converts, goLive, from, today, perDay).Chunk(5_000))
            {
                var body = new JsonObject { ["events"] = new JsonArray([.. chunk]) };
                await BenchStack.ExpectSuccessAsync(await ingestion.PostAsync("/api/v1/events", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), ct), ct);
                Interlocked.Add(ref events, chunk.Length);
            }
            if (item.index % 100 == 99)
            {
                Console.WriteLine($"  {item.index + 1} use cases, {Interlocked.Read(ref events):N0} events, {events / ingest.Elapsed.TotalSeconds:N0} events/s");
            }
        });
        ingest.Stop();

        Console.WriteLine("Setting baselines");
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (id, ct) =>
        {
            foreach (var metric in new[] { "costPerTask", "resolutionTimeMean" })
            {
                await BenchStack.ExpectSuccessAsync(await metrics.PostAsJsonAsync($"/api/v1/use-cases/{id}/baselines", new JsonObject { ["metricKey"] = metric, ["method"] = "before-go-live" }, ct), ct);
            }
        });

        Console.WriteLine("Measuring the portfolio");
        var first = new Latencies("portfolio, first call (every summary computed)");
        var portfolioBytes = await first.TimeAsync(() => GetAsync(silo, "/api/v1/portfolio"));
        var portfolio = new Latencies($"portfolio, {useCases} use cases (cached summaries)");
        for (var i = 0; i < PortfolioCalls; i++)
        {
            await portfolio.TimeAsync(() => GetAsync(silo, "/api/v1/portfolio"));
        }
        var filtered = new Latencies("portfolio filtered (category) and sorted (roi desc)");
        for (var i = 0; i < PortfolioCalls; i++)
        {
            await filtered.TimeAsync(() => GetAsync(silo, "/api/v1/portfolio?category=sales&sort=roi&order=desc"));
        }

        // A chosen period is computed for every use case on each call (only the usual window is cached), and the
        // portfolio over time asks every grain for twelve monthly ROI figures.
        var quarterStart = today.AddDays(-90).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var chosen = new Latencies("portfolio over a chosen period (the last 91 days, computed per call)");
        var overTime = new Latencies("portfolio over time (12 months, every use case's monthly ROI)");
        for (var i = 0; i < ChosenPeriodCalls; i++)
        {
            await chosen.TimeAsync(() => GetAsync(silo, $"/api/v1/portfolio?from={quarterStart}"));
            await overTime.TimeAsync(() => GetAsync(silo, "/api/v1/portfolio/over-time"));
        }

        Console.WriteLine("Measuring use-case pages");
        var weekAgo = today.AddDays(-364).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string[] pageCalls =
        [
            "metrics?keyOnly=true",
            "metrics/costPerTask?granularity=week",
            "metrics/resolutionTimeP90?granularity=week&by=handler",
            $"comparison?metric=csatMean&stratifyBy=complexity&from={weekAgo}",
            "escalation-reasons?granularity=week",
            "exception-types?granularity=week",
            "roi?granularity=month",
            "attribution?metric=costPerTask",
            "health",
            "baselines",
            "annotations",
            "reviews",
        ];
        var perCall = pageCalls.ToDictionary(call => call, call => new Latencies($"use case: {call.Split('?')[0]}"));
        var page = new Latencies($"use-case page ({pageCalls.Length} calls at once)");
        var random = new Random(7);
        var sample = ids.OrderBy(_ => random.Next()).Take(Pages).ToList();
        // Each call alone first (its own latency), then whole pages with the calls at once, as a browser sends them.
        foreach (var id in sample)
        {
            foreach (var call in pageCalls)
            {
                await perCall[call].TimeAsync(() => GetAsync(silo, $"/api/v1/use-cases/{id}/{call}"));
            }
        }
        foreach (var id in sample)
        {
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(pageCalls.Select(call => GetAsync(silo, $"/api/v1/use-cases/{id}/{call}")));
            page.Add(watch.Elapsed);
        }

        var rssAfter = BenchStack.ResidentBytes(siloPid);
        var managedAfter = await ManagedBytesAsync(metrics);

        Console.WriteLine("Measuring the SQL ceiling");
        var connectionString = await stack.App.GetConnectionStringAsync("metricsdb") ?? throw new InvalidOperationException("No metricsdb connection string.");
        await using var database = NpgsqlDataSource.Create(connectionString);
        var sqlPortfolio = new Latencies("SQL: weekly aggregates of every use case over the year");
        for (var i = 0; i < 3; i++)
        {
            await sqlPortfolio.TimeAsync(() => ScalarAsync(database,
                """
                select count(*) from (
                  select use_case_id, date_trunc('week', completed_at) as week, count(*),
                         avg(coalesce((event->>'aiCost')::numeric, 0) + coalesce((event->>'humanMinutes')::numeric, 0)),
                         avg((event->>'csat')::numeric), avg(case when (event->>'resolved')::boolean then 1 else 0 end),
                         avg(extract(epoch from (event->>'completedAt')::timestamptz - (event->>'startedAt')::timestamptz))
                    from metrics.outcome_events group by 1, 2) weekly
                """));
        }
        var sqlSeries = new Latencies("SQL: one use case's weekly cost series over the year");
        foreach (var id in ids.OrderBy(_ => random.Next()).Take(50))
        {
            await sqlSeries.TimeAsync(() => ScalarAsync(database,
                """
                select count(*) from (
                  select date_trunc('week', completed_at), avg(coalesce((event->>'aiCost')::numeric, 0) + coalesce((event->>'humanMinutes')::numeric, 0))
                    from metrics.outcome_events where use_case_id = $1 group by 1) weekly
                """, id));
        }
        total.Stop();

        var eventsPerSecond = events / ingest.Elapsed.TotalSeconds;
        var p95Portfolio = portfolio.Percentile(95);
        var p95Page = page.Percentile(95);
        var portfolioVerdict = p95Portfolio < 20 ? "met" : "not met";
        var verdict = perCall.Values.All(calls => calls.Percentile(95) < 50) ? "met" : "not met";
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"## Portfolio and use-case pages: {useCases:N0} use cases, a year of events each");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"- Run on {DateTime.UtcNow:yyyy-MM-dd}, {BenchmarkReport.Machine()}; the whole stack on the same machine.");
        report.AppendLine(CultureInfo.InvariantCulture, $"- Command: `dotnet run -c Release --project bench/AiRoi.Bench -- {commandLine}` ({total.Elapsed.TotalMinutes:0.0} min).");
        report.AppendLine(CultureInfo.InvariantCulture, $"- Data: {useCases:N0} use cases × {days} days × about {perDay} events a day = {events:N0} events, loaded through `POST /api/v1/events` in batches of up to 5,000 (one use case per batch, 4 at a time) at {eventsPerSecond:N0} events/s; go-live halfway; two measured baselines each.");
        report.AppendLine("- Calls: one after another, asked of the silo at its own listening address (where a load balancer would send them), after the loading and the first portfolio call.");
        report.AppendLine(CultureInfo.InvariantCulture, $"- Targets: portfolio p95 under 20 ms: **{portfolioVerdict}** ({p95Portfolio:0.0} ms); p95 under 50 ms for each call of a use-case page: **{verdict}** (the slowest call's p95 {perCall.Values.Max(calls => calls.Percentile(95)):0.0} ms; a whole page with its {pageCalls.Length} calls at once, p95 {p95Page:0.0} ms).");
        report.AppendLine(CultureInfo.InvariantCulture, $"- Portfolio answer: {portfolioBytes / 1024.0:N0} KiB of JSON.");
        report.AppendLine(CultureInfo.InvariantCulture, $"- Silo memory: live managed heap (after a full collection, `GET /api/v1/status/memory`) {managedAtStart / 1048576.0:N0} MiB at start and {managedAfter / 1048576.0:N0} MiB with every use case's grain active: **{(managedAfter - managedAtStart) / (double)useCases / 1024:N0} KiB per use case**. Resident memory {rssAtStart / 1048576.0:N0} MiB at start, {rssAfter / 1048576.0:N0} MiB at the end (the garbage collector keeps freed memory for reuse).");
        report.AppendLine();
        report.AppendLine("| call | calls | p50 ms | p95 ms | p99 ms | max ms |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var latencies in new[] { first, portfolio, filtered, chosen, overTime, page }.Concat(perCall.Values).Concat([sqlPortfolio, sqlSeries]))
        {
            report.AppendLine(latencies.Row());
        }
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"The SQL rows are the raw database ceiling for the same questions, measured in the same run: the weekly aggregates every summary needs, computed from the log, take {sqlPortfolio.Percentile(50):N0} ms (median of 3) against the portfolio's {portfolio.Percentile(50):0.0} ms median from the grains' memory; one use case's weekly series takes {sqlSeries.Percentile(50):0.0} ms by SQL against {perCall["metrics/costPerTask?granularity=week"].Percentile(50):0.0} ms.");
        return report.ToString();
    }

    private static Task<long> ManagedBytesAsync(HttpClient metrics) => BenchStack.ManagedBytesAsync(metrics);

    private static Task<long> GetAsync(HttpClient client, string path) => BenchStack.ReadAnswerAsync(client, path);

    private static async Task<long> ScalarAsync(NpgsqlDataSource database, string sql, params object[] parameters)
    {
        await using var command = database.CreateCommand(sql);
        command.CommandTimeout = 600;
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
