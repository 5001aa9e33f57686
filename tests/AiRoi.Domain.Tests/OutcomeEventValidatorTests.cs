using AiRoi.Domain.Events;

namespace AiRoi.Domain.Tests;

/// <summary>
/// Each rule of <see cref="OutcomeEventValidator"/>: a valid event broken in exactly one place must yield exactly
/// that field and code, so removing any rule fails at least one case here.
/// </summary>
public class OutcomeEventValidatorTests
{
    private static readonly string Control = "a\u0001b";

    public static TheoryData<string, Func<OutcomeEvent, OutcomeEvent>, string, string> Broken => new()
    {
        { "eventId null", e => e with { EventId = null! }, "eventId", ValidationCodes.Required },
        { "eventId blank", e => e with { EventId = "  " }, "eventId", ValidationCodes.Required },
        { "eventId 129 chars", e => e with { EventId = new string('e', 129) }, "eventId", ValidationCodes.TooLong },
        { "eventId newline", e => e with { EventId = "evt\n1" }, "eventId", ValidationCodes.InvalidFormat },
        { "eventId NUL", e => e with { EventId = "evt\01" }, "eventId", ValidationCodes.InvalidFormat },
        { "eventId lone surrogate", e => e with { EventId = "evt\uD800" }, "eventId", ValidationCodes.InvalidFormat },
        { "eventId right-to-left override", e => e with { EventId = "evt\u202E1" }, "eventId", ValidationCodes.InvalidFormat },
        { "eventId byte-order mark", e => e with { EventId = "\uFEFFevt-1" }, "eventId", ValidationCodes.InvalidFormat },
        { "subjectId zero-width space", e => e with { SubjectId = "customer\u200B42" }, "subjectId", ValidationCodes.InvalidFormat },
        { "experimentId zero-width joiner", e => e with { ExperimentId = "exp\u200D1" }, "experimentId", ValidationCodes.InvalidFormat },
        { "variant line separator", e => e with { Variant = "control\u2028" }, "variant", ValidationCodes.InvalidFormat },
        { "useCaseId null", e => e with { UseCaseId = null! }, "useCaseId", ValidationCodes.Required },
        { "useCaseId uppercase", e => e with { UseCaseId = "Support-Bot" }, "useCaseId", ValidationCodes.InvalidFormat },
        { "useCaseId double hyphen", e => e with { UseCaseId = "support--bot" }, "useCaseId", ValidationCodes.InvalidFormat },
        { "useCaseId underscore", e => e with { UseCaseId = "support_bot" }, "useCaseId", ValidationCodes.InvalidFormat },
        { "useCaseId 65 chars", e => e with { UseCaseId = new string('s', 65) }, "useCaseId", ValidationCodes.TooLong },
        { "subjectId 129 chars", e => e with { SubjectId = new string('s', 129) }, "subjectId", ValidationCodes.TooLong },
        { "subjectId control", e => e with { SubjectId = Control }, "subjectId", ValidationCodes.InvalidFormat },
        { "handler missing", e => e with { Handler = 0 }, "handler", ValidationCodes.Required },
        { "handler undefined", e => e with { Handler = (Handler)7 }, "handler", ValidationCodes.UnknownValue },
        { "startedAt missing", e => e with { StartedAt = default }, "startedAt", ValidationCodes.Required },
        { "completedAt missing", e => e with { CompletedAt = default }, "completedAt", ValidationCodes.Required },
        { "startedAt before 2000", e => e with { StartedAt = new DateTimeOffset(1999, 12, 31, 23, 59, 59, TimeSpan.Zero) }, "startedAt", ValidationCodes.OutOfRange },
        { "completedAt before 2000", e => e with { CompletedAt = new DateTimeOffset(1999, 12, 31, 23, 59, 59, TimeSpan.Zero) }, "completedAt", ValidationCodes.OutOfRange },
        { "completedAt beyond skew", e => e with { CompletedAt = Events.Now.AddMinutes(5).AddSeconds(1) }, "completedAt", ValidationCodes.InTheFuture },
        { "completed before started", e => e with { CompletedAt = e.StartedAt.AddSeconds(-1) }, "completedAt", ValidationCodes.CompletedBeforeStarted },
        { "duration over a year", e => e with { StartedAt = e.CompletedAt.AddDays(-365).AddSeconds(-1) }, "completedAt", ValidationCodes.OutOfRange },
        { "contacts 0", e => e with { Contacts = 0 }, "contacts", ValidationCodes.OutOfRange },
        { "contacts 1001", e => e with { Contacts = 1001 }, "contacts", ValidationCodes.OutOfRange },
        { "csat 0", e => e with { Csat = 0 }, "csat", ValidationCodes.OutOfRange },
        { "csat 9", e => e with { Csat = 9 }, "csat", ValidationCodes.OutOfRange },
        { "nps -1", e => e with { Nps = -1 }, "nps", ValidationCodes.OutOfRange },
        { "nps 11", e => e with { Nps = 11 }, "nps", ValidationCodes.OutOfRange },
        { "aiCost negative", e => e with { AiCost = -0.01m }, "aiCost", ValidationCodes.Negative },
        { "aiCost over max", e => e with { AiCost = 1_000_000.01m }, "aiCost", ValidationCodes.OutOfRange },
        { "humanCost negative", e => e with { HumanCost = -1m }, "humanCost", ValidationCodes.Negative },
        { "humanCost over max", e => e with { HumanCost = 1_000_001m }, "humanCost", ValidationCodes.OutOfRange },
        { "humanMinutes NaN", e => e with { HumanMinutes = double.NaN }, "humanMinutes", ValidationCodes.NotFinite },
        { "humanMinutes infinite", e => e with { HumanMinutes = double.PositiveInfinity }, "humanMinutes", ValidationCodes.NotFinite },
        { "humanMinutes negative", e => e with { HumanMinutes = -0.5 }, "humanMinutes", ValidationCodes.Negative },
        { "humanMinutes over a year", e => e with { HumanMinutes = 525_601 }, "humanMinutes", ValidationCodes.OutOfRange },
        { "conversionValue negative", e => e with { ConversionValue = -1m }, "conversionValue", ValidationCodes.Negative },
        { "conversionValue over max", e => e with { ConversionValue = 1_000_000_001m }, "conversionValue", ValidationCodes.OutOfRange },
        { "conversionValue not converted", e => e with { Converted = false }, "conversionValue", ValidationCodes.Inconsistent },
        { "conversionValue converted unknown", e => e with { Converted = null }, "conversionValue", ValidationCodes.Inconsistent },
        { "escalationReason not escalated", e => e with { Escalated = false }, "escalationReason", ValidationCodes.Inconsistent },
        { "escalationReason escalated unknown", e => e with { Escalated = null }, "escalationReason", ValidationCodes.Inconsistent },
        { "escalationReason 65 chars", e => e with { EscalationReason = new string('r', 65) }, "escalationReason", ValidationCodes.TooLong },
        { "escalationReason control", e => e with { EscalationReason = Control }, "escalationReason", ValidationCodes.InvalidFormat },
        { "exceptionType 65 chars", e => e with { ExceptionType = new string('x', 65) }, "exceptionType", ValidationCodes.TooLong },
        { "exceptionType control", e => e with { ExceptionType = Control }, "exceptionType", ValidationCodes.InvalidFormat },
        { "experimentId without variant", e => e with { Variant = null }, "variant", ValidationCodes.Required },
        { "variant without experimentId", e => e with { ExperimentId = " " }, "experimentId", ValidationCodes.Required },
        { "experimentId 65 chars", e => e with { ExperimentId = new string('x', 65) }, "experimentId", ValidationCodes.TooLong },
        { "variant 65 chars", e => e with { Variant = new string('v', 65) }, "variant", ValidationCodes.TooLong },
        { "variant control", e => e with { Variant = Control }, "variant", ValidationCodes.InvalidFormat },
        { "traceId upper case", e => e with { TraceId = "4BF92F3577B34DA6A3CE929D0E0E4736" }, "traceId", ValidationCodes.InvalidFormat },
        { "traceId all zero", e => e with { TraceId = new string('0', 32) }, "traceId", ValidationCodes.InvalidFormat },
        { "traceId short", e => e with { TraceId = "4bf92f3577b34da6" }, "traceId", ValidationCodes.InvalidFormat },
        { "21 attributes", e => e with { Attributes = Map(21, "v") }, "attributes", ValidationCodes.TooMany },
        { "attribute key starts with digit", e => e with { Attributes = new Dictionary<string, string> { ["1region"] = "emea" } }, "attributes", ValidationCodes.InvalidFormat },
        { "attribute key with dot", e => e with { Attributes = new Dictionary<string, string> { ["geo.region"] = "emea" } }, "attributes", ValidationCodes.InvalidFormat },
        { "attribute key 65 chars", e => e with { Attributes = new Dictionary<string, string> { [new string('k', 65)] = "emea" } }, "attributes", ValidationCodes.TooLong },
        { "attribute value 257 chars", e => e with { Attributes = new Dictionary<string, string> { ["region"] = new string('v', 257) } }, "attributes.region", ValidationCodes.TooLong },
        { "attribute value null", e => e with { Attributes = new Dictionary<string, string> { ["region"] = null! } }, "attributes.region", ValidationCodes.Required },
        { "attribute value control", e => e with { Attributes = new Dictionary<string, string> { ["region"] = Control } }, "attributes.region", ValidationCodes.InvalidFormat },
        { "51 measures", e => e with { Measures = Enumerable.Range(0, 51).ToDictionary(i => $"m{i}", i => (double)i) }, "measures", ValidationCodes.TooMany },
        { "measure name with space", e => e with { Measures = new Dictionary<string, double> { ["handle score"] = 1 } }, "measures", ValidationCodes.InvalidFormat },
        { "measure name 65 chars", e => e with { Measures = new Dictionary<string, double> { [new string('m', 65)] = 1 } }, "measures", ValidationCodes.TooLong },
        { "measure NaN", e => e with { Measures = new Dictionary<string, double> { ["handleScore"] = double.NaN } }, "measures.handleScore", ValidationCodes.NotFinite },
        { "measure too large", e => e with { Measures = new Dictionary<string, double> { ["handleScore"] = -2e12 } }, "measures.handleScore", ValidationCodes.OutOfRange },
        { "measure -infinity", e => e with { Measures = new Dictionary<string, double> { ["handleScore"] = double.NegativeInfinity } }, "measures.handleScore", ValidationCodes.NotFinite },
    };

    public static TheoryData<string, Func<OutcomeEvent, OutcomeEvent>> AtTheLimit => new()
    {
        { "eventId 128 chars", e => e with { EventId = new string('e', 128) } },
        { "eventId with inner space and emoji", e => e with { EventId = "ticket 42 \U0001F600" } },
        { "useCaseId 64 chars", e => e with { UseCaseId = new string('s', 64) } },
        { "useCaseId with digits", e => e with { UseCaseId = "bot-2-eu" } },
        { "subjectId 128 chars", e => e with { SubjectId = new string('s', 128) } },
        { "handler human", e => e with { Handler = Handler.Human } },
        { "handler hybrid", e => e with { Handler = Handler.Hybrid } },
        { "startedAt on 2000-01-01", e => e with { StartedAt = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), CompletedAt = new DateTimeOffset(2000, 1, 1, 0, 1, 0, TimeSpan.Zero) } },
        { "completedAt exactly at the skew", e => e with { CompletedAt = Events.Now.AddMinutes(5) } },
        { "completedAt equals startedAt", e => e with { CompletedAt = e.StartedAt } },
        { "duration exactly a year", e => e with { StartedAt = e.CompletedAt.AddDays(-365) } },
        { "offset timestamps", e => e with { StartedAt = e.StartedAt.ToOffset(TimeSpan.FromHours(9)), CompletedAt = e.CompletedAt.ToOffset(TimeSpan.FromHours(-5)) } },
        { "contacts 1", e => e with { Contacts = 1 } },
        { "contacts 1000", e => e with { Contacts = 1000 } },
        { "csat 1", e => e with { Csat = 1 } },
        { "csat 5", e => e with { Csat = 5 } },
        { "nps 0", e => e with { Nps = 0 } },
        { "nps 10", e => e with { Nps = 10 } },
        { "zero costs", e => e with { AiCost = 0m, HumanCost = 0m, HumanMinutes = 0, ConversionValue = 0m } },
        { "maximum costs", e => e with { AiCost = 1_000_000m, HumanCost = 1_000_000m, HumanMinutes = 525_600, ConversionValue = 1_000_000_000m } },
        { "blank escalationReason when not escalated", e => e with { Escalated = false, EscalationReason = "" } },
        { "label 64 chars", e => e with { EscalationReason = new string('r', 64), ExceptionType = new string('x', 64), ExperimentId = new string('x', 64), Variant = new string('v', 64) } },
        { "no experiment at all", e => e with { ExperimentId = null, Variant = "" } },
        { "20 attributes", e => e with { Attributes = Map(20, new string('v', 256)) } },
        { "attribute key 64 chars", e => e with { Attributes = new Dictionary<string, string> { [new string('k', 64)] = "x" } } },
        { "50 measures", e => e with { Measures = Enumerable.Range(0, 50).ToDictionary(i => $"m_{i}", i => -1e12) } }, // the largest magnitude allowed
        { "empty maps", e => e with { Attributes = new Dictionary<string, string>(), Measures = new Dictionary<string, double>() } },
    };

    [Fact]
    public void A_minimal_event_is_valid() => Expect.Valid(Events.Validate(Events.Minimal()));

    [Fact]
    public void A_fully_populated_event_is_valid() => Expect.Valid(Events.Validate(Events.Full()));

    [Theory]
    [MemberData(nameof(Broken))]
    public void Each_rule_reports_its_field_and_code(string rule, Func<OutcomeEvent, OutcomeEvent> breakIt, string field, string code)
    {
        Assert.NotNull(rule);
        Expect.Single(Events.Validate(breakIt(Events.Full())), field, code);
    }

    [Theory]
    [MemberData(nameof(AtTheLimit))]
    public void Values_at_the_limit_are_accepted(string rule, Func<OutcomeEvent, OutcomeEvent> change)
    {
        Assert.NotNull(rule);
        Expect.Valid(Events.Validate(change(Events.Full())));
    }

    [Fact]
    public void A_start_in_the_future_is_reported_on_both_timestamps()
    {
        var ahead = Events.Now.AddMinutes(6);
        var errors = Events.Validate(Events.Minimal() with { StartedAt = ahead, CompletedAt = ahead.AddMinutes(1) });

        Assert.Equal(
            [("startedAt", ValidationCodes.InTheFuture), ("completedAt", ValidationCodes.InTheFuture)],
            errors.Select(e => (e.Field, e.Code)));
    }

    [Fact]
    public void Every_broken_field_is_reported_in_one_pass()
    {
        var errors = Events.Validate(Events.Full() with { Csat = 9, AiCost = -1m, UseCaseId = "" });

        Assert.Equal(["useCaseId", "aiCost", "csat"], errors.Select(e => e.Field));
    }

    [Fact]
    public void The_limits_passed_in_are_the_ones_applied()
    {
        var strict = EventLimits.Default with { MaxContacts = 3, MaxClockSkew = TimeSpan.Zero };
        var e = Events.Minimal() with { Contacts = 4, CompletedAt = Events.Now.AddSeconds(1) };

        Expect.Valid(Events.Validate(e));
        Assert.Equal(
            [("completedAt", ValidationCodes.InTheFuture), ("contacts", ValidationCodes.OutOfRange)],
            OutcomeEventValidator.Validate(e, Events.Now, strict).Select(x => (x.Field, x.Code)));
    }

    private static Dictionary<string, string> Map(int entries, string value) =>
        Enumerable.Range(0, entries).ToDictionary(i => $"key{i}", _ => value);
}
