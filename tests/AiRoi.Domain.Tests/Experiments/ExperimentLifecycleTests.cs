using AiRoi.Domain.Experiments;

namespace AiRoi.Domain.Tests.Experiments;

public sealed class ExperimentLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly Experiment Draft = new("exp-1", new ExperimentDefinition(), ExperimentStatus.Draft);

    private static DecisionRecord Decided(ExperimentDecision decision) => new(decision, null, "key", Now);

    [Fact]
    public void A_draft_starts_and_keeps_its_first_start_time_when_restarted()
    {
        var running = ExperimentLifecycle.Start(Draft, Now).Next!;
        var stopped = ExperimentLifecycle.Stop(running, Now.AddDays(3)).Next!;
        var again = ExperimentLifecycle.Start(stopped, Now.AddDays(4)).Next!;

        Assert.Equal(ExperimentStatus.Running, again.Status);
        Assert.Equal(Now, again.StartedAt);
        Assert.Equal(Now.AddDays(3), again.StoppedAt);
    }

    [Fact]
    public void Ship_concludes_and_keep_running_records_the_decision_and_runs()
    {
        var stopped = ExperimentLifecycle.Stop(ExperimentLifecycle.Start(Draft, Now).Next!, Now).Next!;

        var kept = ExperimentLifecycle.Conclude(stopped, Decided(ExperimentDecision.KeepRunning)).Next!;
        Assert.Equal(ExperimentStatus.Running, kept.Status);
        var shipped = ExperimentLifecycle.Conclude(kept, Decided(ExperimentDecision.Ship)).Next!;
        Assert.Equal(ExperimentStatus.Concluded, shipped.Status);
        Assert.Equal([ExperimentDecision.KeepRunning, ExperimentDecision.Ship], shipped.Decisions.Select(d => d.Decision));
    }

    [Fact]
    public void Refused_moves_say_why_and_change_nothing()
    {
        Assert.Null(ExperimentLifecycle.Stop(Draft, Now).Next);
        Assert.Contains("nothing to stop", ExperimentLifecycle.Stop(Draft, Now).Refusal);
        Assert.Contains("start it first", ExperimentLifecycle.Conclude(Draft, Decided(ExperimentDecision.Ship)).Refusal);
        var concluded = ExperimentLifecycle.Conclude(ExperimentLifecycle.Start(Draft, Now).Next!, Decided(ExperimentDecision.RollBack)).Next!;
        Assert.Null(ExperimentLifecycle.Start(concluded, Now).Next);
        Assert.Contains("final", ExperimentLifecycle.Conclude(concluded, Decided(ExperimentDecision.Ship)).Refusal);
    }

    [Fact]
    public void Only_a_draft_may_change_its_definition()
    {
        Assert.Null(ExperimentLifecycle.RefuseChange(Draft));
        Assert.Contains("subjects already exposed", ExperimentLifecycle.RefuseChange(ExperimentLifecycle.Start(Draft, Now).Next!));
    }
}
