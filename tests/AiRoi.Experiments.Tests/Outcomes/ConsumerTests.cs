using AiRoi.Contracts;
using AiRoi.Contracts.Messages;
using AiRoi.Domain.Events;
using AiRoi.Experiments.Outcomes;
using AiRoi.ServiceDefaults.Data;
using AiRoi.Testing;
using MassTransit;
using MassTransit.Testing;
using Npgsql;
using Microsoft.Extensions.DependencyInjection;

namespace AiRoi.Experiments.Tests.Outcomes;

/// <summary>
/// The experiment-events consumer on MassTransit's test harness against a real PostgreSQL: the same event or the
/// same message twice counts once, and a message that cannot be stored is retried, then faults to the error queue
/// without writing anything.
/// </summary>
[Collection(ExperimentsDatabaseCollection.Name)]
public sealed class ConsumerTests(ExperimentsDatabase database)
{
    private readonly string experiment = $"exp-{Guid.NewGuid():N}"[..16];
    private readonly string useCase = $"uc-{Guid.NewGuid():N}"[..20];

    private RecordedOutcome Outcome(long sequence, string subject, string variant, bool converted) => new(sequence,
        new OutcomeEvent($"e{sequence}", useCase, DateTimeOffset.Parse("2026-11-20T10:00:00Z"), DateTimeOffset.Parse("2026-11-20T10:00:00Z").AddMinutes(sequence), Handler.Ai)
        {
            SubjectId = subject,
            Converted = converted,
            ExperimentId = experiment,
            Variant = variant,
        });

    private async Task<ServiceProvider> HarnessAsync()
    {
        var provider = new ServiceCollection()
            .AddLogging()
            .AddSingleton(database.DataSource)
            .AddSingleton<OutcomeStore>()
            .AddMassTransitTestHarness(bus => bus.AddConsumer<ExperimentEventsRecordedConsumer>(consumer => consumer.UseMessageRetry(retry => retry.Immediate(2))))
            .BuildServiceProvider(validateScopes: true);
        await provider.GetRequiredService<ITestHarness>().Start();
        return provider;
    }

    private Task<long> ConversionsAsync(string variant, string column = "n") => database.ScalarAsync(
        $"select coalesce(sum({column}), 0)::bigint from experiments.variant_statistics where experiment_id = $1 and variant = $2 and metric_key = 'conversionRate'", experiment, variant);

    [Fact]
    public async Task A_message_delivered_twice_and_an_event_sent_again_count_once()
    {
        await using var provider = await HarnessAsync();
        var harness = provider.GetRequiredService<ITestHarness>();
        var message = new ExperimentEventsRecorded(useCase, [Outcome(1, "a", "control", true), Outcome(2, "b", "treatment", false), Outcome(3, "a", "control", false)]);

        await harness.Bus.Publish(message);
        await harness.Bus.Publish(message);
        await harness.Bus.Publish(new ExperimentEventsRecorded(useCase, [Outcome(2, "b", "treatment", false), Outcome(4, "c", "treatment", true)]));
        Assert.True(await harness.Consumed.Any<ExperimentEventsRecorded>(context => context.Context.Message.Events.Count == 2));
        await harness.InactivityTask;

        Assert.Equal(4, await database.ScalarAsync("select count(*) from experiments.outcomes where use_case_id = $1", useCase));
        Assert.Equal(2, await ConversionsAsync("control"));        // events 1 and 3
        Assert.Equal(1, await ConversionsAsync("control", "sum"));  // one of them converted
        Assert.Equal(2, await ConversionsAsync("treatment"));      // events 2 and 4, event 2 once
        // Subject a's first exposure is its first event, whatever came later.
        Assert.Equal(3, await database.ScalarAsync("select count(*) from experiments.exposures where experiment_id = $1", experiment));
        Assert.Equal(1, await database.ScalarAsync(
            "select count(*) from experiments.exposures where experiment_id = $1 and subject_id = 'a' and event_id = 'e1'", experiment));
    }

    [Fact]
    public async Task A_message_that_cannot_be_stored_is_retried_then_faults_and_writes_nothing()
    {
        await using var provider = await HarnessAsync();
        var harness = provider.GetRequiredService<ITestHarness>();
        // A variant name too long for an index entry (PostgreSQL refuses entries over about 2.7 kB, even compressed)
        // cannot be stored: the poison message. Ingestion would never let one through; the consumer must still cope.
        var poison = Outcome(1, "a", new string('v', 3_000_000), true);

        await harness.Bus.Publish(new ExperimentEventsRecorded(useCase, [Outcome(2, "b", "control", true), poison]));

        Assert.True(await harness.Published.Any<Fault<ExperimentEventsRecorded>>());
        var consumer = harness.GetConsumerHarness<ExperimentEventsRecordedConsumer>();
        Assert.True(await consumer.Consumed.Any<ExperimentEventsRecorded>(context => context.Exception is not null));
        Assert.Equal(0, await database.ScalarAsync("select count(*) from experiments.outcomes where use_case_id = $1", useCase));
        Assert.Equal(0, await ConversionsAsync("control"));
    }

    [Fact]
    public async Task The_per_variant_exposure_count_follows_a_subject_whose_earlier_event_arrives_later()
    {
        await using var provider = await HarnessAsync();
        var harness = provider.GetRequiredService<ITestHarness>();
        Task<long> Subjects(string variant) => database.ScalarAsync(
            "select coalesce(sum(subjects), 0)::bigint from experiments.variant_exposures where experiment_id = $1 and variant = $2", experiment, variant);

        await harness.Bus.Publish(new ExperimentEventsRecorded(useCase, [Outcome(5, "a", "treatment", true), Outcome(6, "b", "treatment", false)]));
        Assert.True(await harness.Consumed.Any<ExperimentEventsRecorded>(context => context.Context.Message.Events.Count == 2));
        Assert.Equal(2, await Subjects("treatment"));

        // Subject a's earlier event, in control, arrives late: a's first exposure moves, and so do the counts.
        await harness.Bus.Publish(new ExperimentEventsRecorded(useCase, [Outcome(1, "a", "control", false)]));
        Assert.True(await harness.Consumed.Any<ExperimentEventsRecorded>(context => context.Context.Message.Events.Count == 1));
        await harness.InactivityTask;
        Assert.Equal(1, await Subjects("control"));
        Assert.Equal(1, await Subjects("treatment"));
        Assert.Equal(2, await database.ScalarAsync("select count(*) from experiments.exposures where experiment_id = $1", experiment));
    }

    [Fact]
    public async Task The_same_outcomes_stored_by_many_consumers_at_once_count_once()
    {
        var store = new OutcomeStore(database.DataSource);
        var outcomes = Enumerable.Range(1, 200)
            .Select(i => Outcome(i, $"s{i}", i % 2 == 0 ? "control" : "treatment", i % 4 == 0))
            .ToList();

        // Redeliveries racing each other: each store is refused by the key as soon as another has committed the same
        // outcomes, then looks the ids up and finds them stored, adding nothing; a store refused after its own lookup
        // throws, and its consumer's retry adds nothing either.
        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            try
            {
                return await store.AddAsync(useCase, outcomes, CancellationToken.None);
            }
            catch (PostgresException refused) when (refused.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                return -1;
            }
        }));
        Assert.Equal([200], attempts.Where(added => added > 0));
        foreach (var _ in attempts.Where(added => added < 0))
        {
            Assert.Equal(0, await store.AddAsync(useCase, outcomes, CancellationToken.None)); // the retry
        }

        Assert.Equal(200, await database.ScalarAsync("select count(*) from experiments.outcomes where use_case_id = $1", useCase));
        Assert.Equal(200, await database.ScalarAsync("select count(*) from experiments.exposures where experiment_id = $1", experiment));
        Assert.Equal(100, await ConversionsAsync("control"));
        Assert.Equal(50, await ConversionsAsync("control", "sum"));
        Assert.Equal(100, await ConversionsAsync("treatment"));
    }

    [Fact]
    public async Task A_message_with_stored_and_new_outcomes_adds_exactly_the_new_ones()
    {
        var store = new OutcomeStore(database.DataSource);
        List<RecordedOutcome> Range(int from, int to) =>
            [.. Enumerable.Range(from, to - from + 1).Select(i => Outcome(i, $"s{i}", i % 2 == 0 ? "control" : "treatment", i % 4 == 0))];

        Assert.Equal(10, await store.AddAsync(useCase, Range(1, 10), CancellationToken.None));
        // Refused by the key as a whole, then the five new ones among the eleven are stored, and only their moments added.
        Assert.Equal(5, await store.AddAsync(useCase, Range(6, 15).Append(Range(3, 3)[0]).ToList(), CancellationToken.None));
        Assert.Equal(0, await store.AddAsync(useCase, Range(1, 15), CancellationToken.None));

        Assert.Equal(15, await database.ScalarAsync("select count(*) from experiments.outcomes where use_case_id = $1", useCase));
        Assert.Equal(15, await database.ScalarAsync("select count(*) from experiments.exposures where experiment_id = $1", experiment));
        Assert.Equal(7, await ConversionsAsync("control"));
        Assert.Equal(3, await ConversionsAsync("control", "sum"));
        Assert.Equal(8, await ConversionsAsync("treatment"));
    }

    [Fact]
    public async Task Looking_up_a_message_reads_one_key_per_event_even_when_the_statistics_predate_the_use_cases_growth()
    {
        // Statistics taken before the use case's outcomes grew, as after a burst that autovacuum has not yet seen.
        await using (var analyze = database.DataSource.CreateCommand("analyze experiments.outcomes"))
        {
            await analyze.ExecuteNonQueryAsync();
        }
        await using (var grow = database.DataSource.CreateCommand(
            """
            insert into experiments.outcomes (use_case_id, event_id, sequence, experiment_id, variant, subject_id, completed_at, event)
            select $1, 'e' || i, i, $2, 'control', 's' || i, now(), '{}' from generate_series(1, 20000) as i
            """).WithValues(useCase, experiment))
        {
            await grow.ExecuteNonQueryAsync();
        }
        var message = Enumerable.Range(19_751, 500).Select(i => $"e{i}").ToArray(); // the last 250 stored, then 250 new

        Assert.Equal(250, await database.ScalarAsync($"select count(*) from ({OutcomeStore.StoredIdsQuery}) as stored", useCase, message));
        Assert.InRange(await TableReads.CountAsync(database.DataSource, "experiments.outcomes", OutcomeStore.StoredIdsQuery, useCase, message), 250, message.Length);
    }
}
