using AiRoi.Domain;
using AiRoi.Domain.Experiments;
using AiRoi.Experiments.Lifecycle;

namespace AiRoi.Experiments.Tests.Results;

public sealed class ConcludeRulesTests
{
    private static ExperimentDefinition Arms(params string[] treatments) => new()
    {
        Variants = [new ExperimentVariant("control", 1.0 / (treatments.Length + 1)), .. treatments.Select(t => new ExperimentVariant(t, 1.0 / (treatments.Length + 1)))],
    };

    private static IEnumerable<(string, string)> Errors(ConcludeRequest body, ExperimentDefinition definition) =>
        ConcludeRules.Check(body, definition).Select(error => (error.Field, error.Code));

    [Fact]
    public void Shipping_the_only_treatment_needs_no_variant()
    {
        var body = new ConcludeRequest { Decision = ExperimentDecision.Ship };
        Assert.Empty(Errors(body, Arms("ai")));
        Assert.Equal("ai", ConcludeRules.ShippedVariant(body, Arms("ai")));
    }

    [Fact]
    public void Shipping_one_of_several_treatments_names_it()
    {
        Assert.Equal([("variant", ValidationCodes.Required)], Errors(new ConcludeRequest { Decision = ExperimentDecision.Ship }, Arms("a", "b")));
        Assert.Empty(Errors(new ConcludeRequest { Decision = ExperimentDecision.Ship, Variant = "b" }, Arms("a", "b")));
        Assert.Equal("b", ConcludeRules.ShippedVariant(new ConcludeRequest { Decision = ExperimentDecision.Ship, Variant = "b" }, Arms("a", "b")));
    }

    [Fact]
    public void Control_or_an_unknown_variant_cannot_be_shipped_and_a_variant_goes_only_with_ship()
    {
        Assert.Equal([("variant", ValidationCodes.UnknownValue)], Errors(new ConcludeRequest { Decision = ExperimentDecision.Ship, Variant = "control" }, Arms("a")));
        Assert.Equal([("variant", ValidationCodes.UnknownValue)], Errors(new ConcludeRequest { Decision = ExperimentDecision.Ship, Variant = "z" }, Arms("a")));
        Assert.Equal([("variant", ValidationCodes.Inconsistent)], Errors(new ConcludeRequest { Decision = ExperimentDecision.RollBack, Variant = "a" }, Arms("a")));
    }

    [Fact]
    public void A_decision_is_required_and_the_note_is_bounded() =>
        Assert.Equal([("decision", ValidationCodes.Required), ("note", ValidationCodes.TooLong)],
            Errors(new ConcludeRequest { Note = new string('x', ConcludeRules.MaxNoteLength + 1) }, Arms("a")));
}
