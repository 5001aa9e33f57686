using AiRoi.Domain.Metrics;
using AiRoi.Domain.Rollups;
using AiRoi.Domain.Targets;
using AiRoi.Domain.Tests.Trends;
using AiRoi.Domain.UseCases;

namespace AiRoi.Domain.Tests.Targets;

/// <summary>
/// The target examples of docs/metrics.md, section "Targets": thirteen weeks of a support chatbot whose
/// first-contact resolution rate climbs one point a week, read on Thursday 30 April 2026.
/// </summary>
public class TargetExampleTests
{
    private static readonly DateOnly Today = new(2026, 4, 30);

    private static readonly DateOnly EndOfJune = new(2026, 6, 30);

    private static readonly MetricDefinition Fcr = MetricCatalog.Find(MetricKeys.FcrRate)!;

    /// <summary>
    /// 100 tickets every Monday from 2 February (week 0) to 27 April 2026 (week 12), all resolved; in week w,
    /// 60 + w of them at first contact, the rest after a second contact.
    /// </summary>
    private static readonly UseCaseRollup Rollup = EventLog.Build(UseCases.Full(),
        Enumerable.Range(0, 13).SelectMany(week => EventLog.Times(100, i => EventLog.On(new DateOnly(2026, 2, 2).AddDays(7 * week)) with
        {
            Resolved = true,
            Contacts = i < 60 + week ? 1 : 2,
        })));

    /// <summary>docs/metrics.md, "Targets" → "Example 6", met.</summary>
    [Fact]
    public void Example_6_met_the_last_28_days_reach_the_threshold()
    {
        var evaluation = TargetEvaluator.Evaluate(new Target(MetricKeys.FcrRate, TargetDirection.AtLeast, 0.70, EndOfJune), Fcr, Rollup, Today);

        // 3–30 April holds the Mondays of weeks 9–12: (69 + 70 + 71 + 72) / 400 = 0.705 ≥ 0.70.
        Assert.Equal(TargetStatus.Met, evaluation.Status);
        Approx.Equal(0.705, evaluation.Current!.Value, "current");
        Assert.Null(evaluation.Projected);
        Assert.Equal("First-contact resolution rate is 0.705 over the last 28 days, meeting the target of 0.7.", evaluation.Reason);
    }

    /// <summary>docs/metrics.md, "Targets" → "Example 6", on track.</summary>
    [Fact]
    public void Example_6_on_track_the_weekly_trend_reaches_the_threshold_by_the_due_date()
    {
        var evaluation = TargetEvaluator.Evaluate(new Target(MetricKeys.FcrRate, TargetDirection.AtLeast, 0.80, EndOfJune), Fcr, Rollup, Today);

        // The weekly values lie on 0.60 + 0.01·x; 30 June is 148 days = 21.14 weeks after week 0: 0.8114 ≥ 0.80.
        Assert.Equal(TargetStatus.OnTrack, evaluation.Status);
        Approx.Equal(0.705, evaluation.Current!.Value, "current");
        Approx.Equal(0.60 + 0.01 * 148 / 7, evaluation.Projected!.Value, "projected");
        Assert.Equal("First-contact resolution rate is 0.705 now; its weekly trend reaches 0.8114 by 2026-06-30, meeting 0.8.", evaluation.Reason);
    }

    /// <summary>docs/metrics.md, "Targets" → "Example 6", at risk.</summary>
    [Fact]
    public void Example_6_at_risk_the_weekly_trend_falls_short_by_the_due_date()
    {
        var evaluation = TargetEvaluator.Evaluate(new Target(MetricKeys.FcrRate, TargetDirection.AtLeast, 0.85, EndOfJune), Fcr, Rollup, Today);

        Assert.Equal(TargetStatus.AtRisk, evaluation.Status);
        Approx.Equal(0.60 + 0.01 * 148 / 7, evaluation.Projected!.Value, "projected");
        Assert.Equal("First-contact resolution rate is 0.705 and its weekly trend reaches only 0.8114 by 2026-06-30, short of 0.85.", evaluation.Reason);
    }

    /// <summary>docs/metrics.md, "Targets" → "Example 6", missed.</summary>
    [Fact]
    public void Example_6_missed_the_due_date_passed_with_the_metric_short_of_the_threshold()
    {
        var evaluation = TargetEvaluator.Evaluate(new Target(MetricKeys.FcrRate, TargetDirection.AtLeast, 0.75, new DateOnly(2026, 3, 31)), Fcr, Rollup, Today);

        // The 28 days up to the due date, 4–31 March, hold weeks 5–8: (65 + 66 + 67 + 68) / 400 = 0.665 < 0.75.
        Assert.Equal(TargetStatus.Missed, evaluation.Status);
        Approx.Equal(0.665, evaluation.Current!.Value, "current");
        Assert.Equal("The due date 2026-03-31 has passed and First-contact resolution rate was 0.665, short of 0.75.", evaluation.Reason);
    }

    /// <summary>docs/metrics.md, "Targets" → "Example 6", a target on a total is read per week.</summary>
    [Fact]
    public void Example_6_a_target_on_tasks_completed_is_read_per_week()
    {
        var tasksCompleted = MetricCatalog.Find(MetricKeys.TasksCompleted)!;

        var met = TargetEvaluator.Evaluate(new Target(MetricKeys.TasksCompleted, TargetDirection.AtLeast, 90, EndOfJune), tasksCompleted, Rollup, Today);
        var short_ = TargetEvaluator.Evaluate(new Target(MetricKeys.TasksCompleted, TargetDirection.AtLeast, 120, EndOfJune), tasksCompleted, Rollup, Today);

        // 400 resolved tickets in the 28 days are 400 / 4 = 100 a week.
        Assert.Equal(TargetStatus.Met, met.Status);
        Approx.Equal(100, met.Current!.Value, "tasks per week");
        // The weekly totals are a flat 100, so the trend stays at 100 < 120.
        Assert.Equal(TargetStatus.AtRisk, short_.Status);
        Approx.Equal(100, short_.Projected!.Value, "projected tasks per week");
    }
}
