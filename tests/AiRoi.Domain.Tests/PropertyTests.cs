using System.Text.RegularExpressions;
using AiRoi.Domain.Events;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AiRoi.Domain.Tests;

/// <summary>Laws checked on generated inputs: the hand-written rules agree with their plain definitions.</summary>
public class PropertyTests
{
    /// <summary>Strings over an alphabet that hits every branch of the slug and identifier rules.</summary>
    private static readonly Arbitrary<string> Candidates =
        Gen.Elements('a', 'z', 'A', '0', '9', '-', '_', '.', ' ', '\u00e9')
            .ArrayOf()
            .Select(chars => new string(chars))
            .ToArbitrary();

    private static readonly Regex SlugPattern = new("^[a-z0-9]+(-[a-z0-9]+)*$");

    private static readonly Regex IdentifierPattern = new("^[A-Za-z][A-Za-z0-9_]*$");

    [Property(MaxTest = 500)]
    public Property A_slug_is_exactly_what_the_slug_pattern_matches_up_to_64_characters() =>
        Prop.ForAll(Candidates, s => TextFormats.IsSlug(s) == (s.Length <= 64 && SlugPattern.IsMatch(s)));

    [Property(MaxTest = 500)]
    public Property An_identifier_is_exactly_what_the_identifier_pattern_matches_up_to_64_characters() =>
        Prop.ForAll(Candidates, s => TextFormats.IsIdentifier(s) == (s.Length <= 64 && IdentifierPattern.IsMatch(s)));

    [Property]
    public bool Csat_is_valid_exactly_on_the_five_point_scale(int csat) =>
        Events.Validate(Events.Minimal() with { Csat = csat }).Count == 0 == csat is >= 1 and <= 5;

    [Property]
    public bool Nps_is_valid_exactly_from_zero_to_ten(int nps) =>
        Events.Validate(Events.Minimal() with { Nps = nps }).Count == 0 == nps is >= 0 and <= 10;

    [Property]
    public bool Contacts_are_valid_exactly_from_one_to_a_thousand(int contacts) =>
        Events.Validate(Events.Minimal() with { Contacts = contacts }).Count == 0 == contacts is >= 1 and <= 1000;

    [Property]
    public bool Every_valid_nps_answer_is_exactly_one_of_promoter_passive_or_detractor(byte raw)
    {
        var e = Events.Minimal() with { Nps = raw % 11 };
        var passive = e.Nps is 7 or 8;

        return (e.IsNpsPromoter() == true ? 1 : 0) + (e.IsNpsDetractor() == true ? 1 : 0) + (passive ? 1 : 0) == 1;
    }

    [Property]
    public bool Cost_to_serve_is_ai_cost_plus_priced_human_minutes(ushort aiCents, ushort minutes, ushort hourlyCents)
    {
        var e = Events.Minimal() with { AiCost = aiCents / 100m, HumanMinutes = minutes };
        var hourly = hourlyCents / 100m;

        return e.CostToServe(hourly) == aiCents / 100m + minutes * hourly / 60m;
    }

    [Property]
    public bool An_explicit_human_cost_wins_over_minutes(ushort humanCents, ushort minutes, ushort hourlyCents) =>
        (Events.Minimal() with { HumanCost = humanCents / 100m, HumanMinutes = minutes }).CostToServe(hourlyCents / 100m) == humanCents / 100m;

    [Property]
    public bool Validation_never_throws_and_reports_each_field_with_a_message_that_names_it(string? eventId, string? subjectId, string? label, double minutes) =>
        Events.Validate(Events.Full() with
        {
            EventId = eventId!,
            SubjectId = subjectId,
            ExceptionType = label,
            Variant = label,
            HumanMinutes = minutes,
            Attributes = label is null ? null : new Dictionary<string, string> { [label] = label },
            Measures = label is null ? null : new Dictionary<string, double> { [label] = minutes },
        }).All(error => error.Message.StartsWith(error.Field, StringComparison.Ordinal));

    /// <summary>Durations in seconds, from slightly negative to beyond a year, and densely around the one-year limit.</summary>
    private static readonly Arbitrary<int> DurationSeconds =
        Gen.OneOf(Gen.Choose(-100_000, 40_000_000), Gen.Choose(Year - 10, Year + 10)).ToArbitrary();

    private const int Year = 365 * 24 * 3600;

    [Property(MaxTest = 300)]
    public Property Durations_are_valid_exactly_when_completed_is_not_before_started_and_within_a_year() =>
        Prop.ForAll(DurationSeconds, seconds =>
        {
            var completed = Events.Now.AddMinutes(-1);
            var e = Events.Minimal() with { StartedAt = completed.AddSeconds(-seconds), CompletedAt = completed };

            return Events.Validate(e).Count == 0 == seconds is >= 0 and <= Year;
        });
}
