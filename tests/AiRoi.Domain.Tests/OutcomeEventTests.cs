using AiRoi.Domain.Events;

namespace AiRoi.Domain.Tests;

/// <summary>The per-event figures the metrics are built from.</summary>
public class OutcomeEventTests
{
    private static readonly OutcomeEvent Base = Events.Minimal();

    [Fact]
    public void Resolution_time_is_completed_minus_started_across_offsets()
    {
        var e = Base with
        {
            StartedAt = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.FromHours(1)),
            CompletedAt = new DateTimeOffset(2026, 3, 1, 8, 30, 0, TimeSpan.Zero),
        };

        Assert.Equal(TimeSpan.FromMinutes(30), e.ResolutionTime());
    }

    [Fact]
    public void Cost_to_serve_adds_ai_cost_and_explicit_human_cost_and_ignores_minutes_then()
    {
        var e = Base with { AiCost = 0.25m, HumanCost = 3.00m, HumanMinutes = 60 };

        Assert.Equal(3.25m, e.CostToServe(loadedHumanCostPerHour: 48m));
    }

    [Fact]
    public void Cost_to_serve_prices_human_minutes_at_the_loaded_hourly_cost_without_human_cost()
    {
        var e = Base with { AiCost = 0.25m, HumanMinutes = 7.5 };

        Assert.Equal(6.25m, e.CostToServe(loadedHumanCostPerHour: 48m));
    }

    [Fact]
    public void Cost_to_serve_of_a_human_only_task_is_its_minutes()
    {
        Assert.Equal(24m, (Base with { HumanMinutes = 30 }).CostToServe(48m));
    }

    [Fact]
    public void Cost_to_serve_of_an_ai_only_task_is_its_ai_cost()
    {
        Assert.Equal(0.04m, (Base with { AiCost = 0.04m }).CostToServe(48m));
    }

    [Fact]
    public void Cost_to_serve_is_unknown_without_any_cost_figure()
    {
        Assert.Null(Base.CostToServe(48m));
    }

    [Theory]
    [InlineData(true, null, null, true)]
    [InlineData(true, false, 1, true)]
    [InlineData(true, true, 1, false)]
    [InlineData(true, false, 2, false)]
    [InlineData(true, null, 3, false)]
    [InlineData(false, false, 1, false)]
    [InlineData(null, false, 1, null)]
    public void First_contact_resolution_needs_resolved_no_escalation_and_one_contact(bool? resolved, bool? escalated, int? contacts, bool? expected)
    {
        var e = Base with { Resolved = resolved, Escalated = escalated, Contacts = contacts };

        Assert.Equal(expected, e.IsFirstContactResolved());
    }

    [Theory]
    [InlineData("timeout", true)]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("  ", false)]
    public void An_exception_is_an_exception_type_present(string? exceptionType, bool expected)
    {
        Assert.Equal(expected, (Base with { ExceptionType = exceptionType }).IsException());
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(3, false)]
    [InlineData(4, true)]
    [InlineData(5, true)]
    [InlineData(null, null)]
    public void Csat_satisfied_means_four_or_five(int? csat, bool? expected)
    {
        Assert.Equal(expected, (Base with { Csat = csat }).IsCsatSatisfied());
    }

    [Theory]
    [InlineData(0, false, true)]
    [InlineData(6, false, true)]
    [InlineData(7, false, false)]
    [InlineData(8, false, false)]
    [InlineData(9, true, false)]
    [InlineData(10, true, false)]
    public void Nps_promoters_are_nine_and_ten_and_detractors_zero_to_six(int nps, bool promoter, bool detractor)
    {
        var e = Base with { Nps = nps };

        Assert.Equal(promoter, e.IsNpsPromoter());
        Assert.Equal(detractor, e.IsNpsDetractor());
    }

    [Fact]
    public void Nps_groups_are_unknown_without_an_answer()
    {
        Assert.Null(Base.IsNpsPromoter());
        Assert.Null(Base.IsNpsDetractor());
    }
}
