using AiRoi.Bench;

// dotnet run -c Release --project bench/AiRoi.Bench -- portfolio [--use-cases N] [--days N] [--per-day N] [--no-write]
//                                                    assignment [--rate N] [--seconds N] [--no-write]
//                                                    experiments [--events N] [--single-events N] [--exposures N] [--no-write]
//                                                    traces [--tasks N] [--no-write]
//                                                    client [--calls N] [--http-calls N] [--no-write]
//                                                    scale-out [--use-cases N] [--events-per-use-case N] [--senders N] [--one-silo] [--no-write]
var scenario = args.FirstOrDefault() ?? "portfolio";
int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
}

switch (scenario)
{
    case "portfolio":
        var result = await PortfolioBenchmark.RunAsync(
            useCases: Option("--use-cases", 1000), days: Option("--days", 365), perDay: Option("--per-day", 10), commandLine: string.Join(' ', args));
        Console.WriteLine(result);
        if (!args.Contains("--no-write"))
        {
            BenchmarkReport.Write("portfolio", result);
        }
        return 0;
    case "assignment":
        var assignment = await AssignmentBenchmark.RunAsync(rate: Option("--rate", 2000), seconds: Option("--seconds", 30), commandLine: string.Join(' ', args));
        Console.WriteLine(assignment);
        if (!args.Contains("--no-write"))
        {
            BenchmarkReport.Write("assignment", assignment);
        }
        return 0;
    case "experiments":
        var experiments = await ExperimentsBenchmark.RunAsync(
            batchedEvents: Option("--events", 200_000), singleEvents: Option("--single-events", 20_000), exposures: Option("--exposures", 10_000_000),
            commandLine: string.Join(' ', args));
        Console.WriteLine(experiments);
        if (!args.Contains("--no-write"))
        {
            BenchmarkReport.Write("experiments", experiments);
        }
        return 0;
    case "traces":
        var traces = await TracesBenchmark.RunAsync(tasks: Option("--tasks", 50_000), commandLine: string.Join(' ', args));
        Console.WriteLine(traces);
        if (!args.Contains("--no-write"))
        {
            BenchmarkReport.Write("traces", traces);
        }
        return 0;
    case "client":
        var client = await ClientBenchmark.RunAsync(inProcessCalls: Option("--calls", 200_000), httpCalls: Option("--http-calls", 2_000), commandLine: string.Join(' ', args));
        Console.WriteLine(client);
        if (!args.Contains("--no-write"))
        {
            BenchmarkReport.Write("client", client);
        }
        return 0;
    case "scale-out":
        var scaleOut = await ScaleOutBenchmark.RunAsync(useCases: Option("--use-cases", 1000), eventsPerUseCase: Option("--events-per-use-case", 200), senders: Option("--senders", 8), oneSiloOnly: args.Contains("--one-silo"), commandLine: string.Join(' ', args));
        Console.WriteLine(scaleOut);
        if (!args.Contains("--no-write"))
        {
            BenchmarkReport.Write("scale-out", scaleOut);
        }
        return 0;
    default:
        Console.Error.WriteLine($"Unknown scenario '{scenario}'. Scenarios: portfolio, assignment, experiments, traces, client, scale-out.");
        return 2;
}
