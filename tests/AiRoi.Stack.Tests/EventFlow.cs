using System.Net;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace AiRoi.Stack.Tests;

/// <summary>
/// A client sending one use case's events with experiment assignments while faults happen: batches one after
/// another, each sent again until acknowledged (a duplicate is counted once), every answer recorded. All events fall
/// in <see cref="Month"/>.
/// </summary>
public sealed class EventFlow(StackFixture stack, string useCase, string experiment)
{
    /// <summary>Events per batch.</summary>
    public const int PerBatch = 50;

    /// <summary>Subjects of the experiment, half in each variant; each sees several tasks.</summary>
    public const int Subjects = 700;

    /// <summary>The month every event completes in.</summary>
    public static readonly DateOnly Month = new(2026, 11, 1);

    private readonly List<string> answers = [];

    /// <summary>
    /// Every answer that was not an acknowledgement: the status and the problem type, or the exception when no
    /// answer came.
    /// </summary>
    public IReadOnlyList<string> Refusals
    {
        get
        {
            lock (answers)
            {
                return [.. answers];
            }
        }
    }

    /// <summary>Answers other than 200 and a 503 with problem details, which a client with retries cannot handle.</summary>
    public IReadOnlyList<string> UnexpectedAnswers => Refusals.Where(answer => !answer.StartsWith("503 ", StringComparison.Ordinal) || answer.EndsWith(" (no problem type)", StringComparison.Ordinal)).ToList();

    /// <summary>
    /// Sends events to a fresh use case while <paramref name="faults"/> happen, then checks what no fault may break:
    /// the client saw only acknowledgements and 503s, every acknowledged event is in the log once, and the use case's
    /// figures and the experiment's tables equal a recomputation from the log. Answers the refusals the client saw.
    /// </summary>
    /// <param name="stack">The stack.</param>
    /// <param name="output">Where the answers are reported.</param>
    /// <param name="bound">Longest the sending may take, faults included.</param>
    /// <param name="batches">Fewest batches sent.</param>
    /// <param name="batchesAfterFaults">Batches sent after the faults are over.</param>
    /// <param name="faults">The faults, started a second after the first batch.</param>
    public static Task<IReadOnlyList<string>> SurviveAsync(
        StackFixture stack, ITestOutputHelper output, TimeSpan bound, int batches, int batchesAfterFaults, Func<Task> faults) =>
        SurviveAsync(stack, output, bound, batches, batchesAfterFaults, _ => faults());

    /// <summary>As above, with faults aimed at the use case the events are sent to (its id is given to them).</summary>
    public static async Task<IReadOnlyList<string>> SurviveAsync(
        StackFixture stack, ITestOutputHelper output, TimeSpan bound, int batches, int batchesAfterFaults, Func<string, Task> faults)
    {
        var useCase = $"fault-{Guid.NewGuid():N}"[..24];
        var experiment = $"exp-fault-{Guid.NewGuid():N}"[..24];
        await StackDatabase.RegisterUseCaseAsync(stack, useCase);

        var flow = new EventFlow(stack, useCase, experiment);
        using var flowing = new CancellationTokenSource(bound);
        var faultsDone = new TaskCompletionSource();
        var sending = flow.SendAsync(batches, faultsDone.Task, batchesAfterFaults, flowing.Token);
        await Task.Delay(TimeSpan.FromSeconds(1));
        await faults(useCase);
        faultsDone.SetResult();
        var acknowledged = await sending;

        output.WriteLine($"{acknowledged} events acknowledged; answers other than 200: {string.Join(", ", flow.Refusals.CountBy(answer => answer).Select(answer => $"{answer.Value} × {answer.Key}"))}");
        Assert.Empty(flow.UnexpectedAnswers);
        await Recomputation.AssertEachEventOnceAsync(stack, useCase, acknowledged);
        await Recomputation.AssertFiguresEqualLogAsync(stack, useCase, Month);
        await Recomputation.AssertExperimentEqualsLogAsync(stack, useCase, experiment, Subjects);
        return flow.Refusals;
    }

    /// <summary>
    /// Sends at least <paramref name="batches"/> batches, and <paramref name="batchesAfterFaults"/> more once
    /// <paramref name="faultsDone"/> completes; answers the events acknowledged (all of those sent).
    /// </summary>
    public async Task<long> SendAsync(int batches, Task faultsDone, int batchesAfterFaults, CancellationToken cancellationToken)
    {
        var start = Month.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc);
        var last = int.MaxValue;
        var batch = 0;
        for (; batch < Math.Max(batches, last); batch++)
        {
            if (last == int.MaxValue && faultsDone.IsCompleted)
            {
                last = batch + batchesAfterFaults;
            }
            var events = new JsonArray();
            for (var i = 0; i < PerBatch; i++)
            {
                events.Add(Event(batch * PerBatch + i, start));
            }
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (await SendOnceAsync(new JsonObject { ["events"] = events.DeepClone() }))
                {
                    break;
                }
                await Task.Delay(200, cancellationToken);
            }
            await Task.Delay(150, cancellationToken);
        }
        return (long)batch * PerBatch;
    }

    private JsonObject Event(int n, DateTime start)
    {
        var subject = n % Subjects;
        var completed = start.AddMinutes(n);
        var e = new JsonObject
        {
            ["eventId"] = $"f-{n}",
            ["useCaseId"] = useCase,
            ["subjectId"] = $"s-{subject}",
            ["startedAt"] = completed.AddMinutes(-3).ToString("O"),
            ["completedAt"] = completed.ToString("O"),
            ["handler"] = "ai",
            ["experimentId"] = experiment,
            ["variant"] = subject % 2 == 0 ? "control" : "treatment",
            ["escalated"] = n % 7 == 0,
            ["aiCost"] = n % 9 / 100.0,
        };
        if (n % 3 != 0)
        {
            e["converted"] = n % 5 == 0;
        }
        if (n % 4 != 0)
        {
            e["csat"] = 1 + n % 5;
        }
        return e;
    }

    /// <summary>One attempt; true when acknowledged, otherwise the answer is recorded.</summary>
    private async Task<bool> SendOnceAsync(JsonObject body)
    {
        string refusal;
        try
        {
            var answer = await StackHttp.SendAsync(stack, "ingestion", HttpMethod.Post, "/api/v1/events", body);
            if (answer.Status == HttpStatusCode.OK)
            {
                return true;
            }
            var type = (answer.Node as JsonObject)?["type"]?.GetValue<string>();
            refusal = $"{(int)answer.Status} {type ?? "(no problem type)"}";
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            refusal = $"no answer: {exception.GetType().Name} {exception.Message}";
        }
        lock (answers)
        {
            answers.Add(refusal);
        }
        return false;
    }
}
