using AiRoi.Domain.Baselines;
using AiRoi.Domain.Events;
using AiRoi.Domain.Metrics;
using AiRoi.Domain.Reports;
using AiRoi.Domain.Tests.Trends;
using AiRoi.Domain.Trends;

namespace AiRoi.Domain.Tests.Reports;

/// <summary>The stratified comparison example of docs/metrics.md, section "AI versus human".</summary>
public class HandlerComparisonTests
{
    private const double Z = EventLog.Z;

    /// <summary>docs/metrics.md, "AI versus human" → "Example 7: the AI gets the easy tickets".</summary>
    [Fact]
    public void Example_7_the_ai_looks_better_raw_but_is_worse_within_each_complexity()
    {
        var useCase = UseCases.Full();
        var day = new DateOnly(2026, 4, 14);
        IEnumerable<OutcomeEvent> Tickets(Handler handler, string complexity, int count, int firstContact) =>
            EventLog.Times(count, i => EventLog.On(day, handler) with
            {
                Resolved = true,
                Contacts = i < firstContact ? 1 : 2,
                Attributes = new Dictionary<string, string> { ["complexity"] = complexity },
            });
        var rollup = EventLog.Build(useCase,
        [
            .. Tickets(Handler.Ai, "low", 80, 68),
            .. Tickets(Handler.Human, "low", 20, 18),
            .. Tickets(Handler.Ai, "high", 20, 9),
            .. Tickets(Handler.Human, "high", 80, 40),
        ]);
        var reports = new UseCaseReports(useCase, rollup, new Dictionary<string, BaselineVersion>(), []);

        var comparison = reports.Compare(MetricCatalog.Find(MetricKeys.FcrRate)!, "complexity", new DateOnly(2026, 4, 1), new DateOnly(2026, 5, 1)).Comparison;

        // Raw: AI 77/100 = 0.77, people 58/100 = 0.58, +0.19. Sample variances of 0/1 values: p(1 − p)·n/(n − 1).
        var rawError = Math.Sqrt(0.77 * 0.23 / 99 + 0.58 * 0.42 / 99);
        var raw = comparison.Raw!;
        Approx.Equal(0.19, raw.Difference, "raw difference");
        Approx.Equal(rawError, raw.StandardError, "raw SE");
        Approx.Equal(0.19 - Z * rawError, raw.Low, "raw low");
        Approx.Equal(0.06223357304349281, raw.Low, "raw low as the document rounds it");
        Assert.InRange(raw.PValue, 0.00355, 0.00357);

        // Within strata: low 0.85 − 0.90 = −0.05, high 0.45 − 0.50 = −0.05, each weighing 100/200.
        var lowVariance = 0.85 * 0.15 / 79 + 0.90 * 0.10 / 19;
        var highVariance = 0.45 * 0.55 / 19 + 0.50 * 0.50 / 79;
        var stratifiedError = Math.Sqrt(0.25 * lowVariance + 0.25 * highVariance);
        var stratified = comparison.Stratified!;
        Approx.Equal(-0.05, stratified.Difference, "stratified difference");
        Approx.Equal(stratifiedError, stratified.StandardError, "stratified SE");
        Approx.Equal(0.07506936610128508, stratified.StandardError, "stratified SE as the document rounds it");
        Approx.Equal(-0.05 - Z * stratifiedError, stratified.Low, "stratified low");
        Approx.Equal(-0.05 + Z * stratifiedError, stratified.High, "stratified high");
        Assert.InRange(stratified.PValue, 0.505, 0.506);

        Assert.Equal(["low", "high"], comparison.Strata.Select(s => s.Stratum));
        Approx.Equal(0.85, comparison.Strata[0].AiMean!.Value, "low AI");
        Approx.Equal(0.90, comparison.Strata[0].HumanMean!.Value, "low human");
        Assert.Equal(0.5, comparison.Strata[0].Weight);
        Assert.Equal(0.5, comparison.Strata[1].Weight);
        Assert.Equal(0, comparison.ExcludedEvents);
    }
}
