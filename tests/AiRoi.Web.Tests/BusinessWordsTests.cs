using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using AiRoi.Domain.Metrics;
using AiRoi.Domain.UseCases;
using AiRoi.Web.Accounts;
using AiRoi.Web.Backends;
using AiRoi.Web.Components.Settings;
using AiRoi.Web.Components.Shared;
using AiRoi.Web.Components.UseCases;
using AiRoi.Web.Display;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AiRoi.Web.Tests;

/// <summary>What business users type and read: fields named as their labels, rates as percentages, dates in their language.</summary>
public sealed class BusinessWordsTests : BunitContext
{
    [Theory]
    [InlineData("Owner's e-mail", "businessOwner.email", "businessOwner.email must be an e-mail address such as 'ana@example.com'.",
        "Owner's e-mail must be an e-mail address such as 'ana@example.com'.")]
    [InlineData(null, "targets[0].dueDate", "targets[0].dueDate is before aiGoLiveDate; the AI cannot meet a target before it runs.",
        "Target 1 due date is before AI go live date; the AI cannot meet a target before it runs.")]
    [InlineData("Cost 2 a month", "unitEconomics.fixedMonthlyCosts[1].amount", "unitEconomics.fixedMonthlyCosts[1].amount must not be negative.",
        "Cost 2 a month must not be negative.")]
    [InlineData(null, "variants", "variants: the weights sum to 0.9; they must sum to 1.", "Variants: the weights sum to 0.9; they must sum to 1.")]
    [InlineData("Name", "name", "name is required.", "Name is required.")]
    public void A_field_message_names_the_field_as_the_page_labels_it(string? label, string field, string message, string expected)
    {
        Assert.Equal(expected, FieldSentence.Of(label, field, message));
    }

    [Fact]
    public void Field_paths_anywhere_in_a_message_read_as_words_but_quoted_text_is_kept()
    {
        var plain = FieldSentence.Plain("periodEnd must be after periodStart; 'my.field[0]' was sent in unitEconomics.currency.");

        Assert.Equal("Period end must be after period start; 'my.field[0]' was sent in unit economics currency.", plain);
    }

    [Fact]
    public void A_field_message_shows_under_its_field_in_the_labels_words()
    {
        var problem = new BackendProblem(400, "The request is not valid", null, new Dictionary<string, string[]>
        {
            ["businessOwner.email"] = ["businessOwner.email must be an e-mail address such as 'ana@example.com'."],
        });

        var messages = Render<FieldMessages>(parameters => parameters
            .Add(field => field.Problem, problem).Add(field => field.Field, "businessOwner.email").Add(field => field.Label, "Owner's e-mail"));

        Assert.Equal("Owner's e-mail must be an e-mail address such as 'ana@example.com'.", messages.Find("li").TextContent);
    }

    [Fact]
    public void A_rate_target_is_shown_and_typed_as_a_percentage_and_sent_as_a_fraction()
    {
        var backend = new FakeBackend().Answer("/api/v1/use-cases/bot/targets", "{}", HttpStatusCode.OK);
        var form = RenderTargets(backend, new Target("fcrRate", TargetDirection.AtLeast, 0.85, new DateOnly(2027, 3, 1)));

        Assert.Equal("85", form.Find("#target-value-0").GetAttribute("value"));
        Assert.Contains("(%)", form.Find("label[for='target-value-0']").TextContent, StringComparison.Ordinal);

        form.Find("#target-value-0").Change("90");
        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Single(backend.Requests));
        var sent = JsonNode.Parse(backend.Requests[0].Body!)!["targets"]![0]!;
        Assert.Equal(0.9, sent["value"]!.GetValue<double>(), 12);
    }

    [Fact]
    public void A_rate_target_over_100_percent_is_refused_in_the_forms_words_and_nothing_is_sent()
    {
        var backend = new FakeBackend();
        var form = RenderTargets(backend, new Target("fcrRate", TargetDirection.AtLeast, 0.85, new DateOnly(2027, 3, 1)));

        form.Find("#target-value-0").Change("150");
        form.Find("form").Submit();

        var message = form.Find("#target-value-errors-0 li").TextContent;
        Assert.Equal("Value of target 1 is a percentage: enter a number from 0 to 100 (85 for 85 %).", message);
        Assert.Empty(backend.Requests);
    }

    [Fact]
    public void A_target_on_a_metric_that_is_not_a_rate_is_typed_in_its_own_unit()
    {
        var backend = new FakeBackend().Answer("/api/v1/use-cases/bot/targets", "{}", HttpStatusCode.OK);
        var form = RenderTargets(backend, new Target("costPerTask", TargetDirection.AtMost, 4.5, new DateOnly(2027, 3, 1)));

        Assert.Equal("4.5", form.Find("#target-value-0").GetAttribute("value"));
        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Single(backend.Requests));
        Assert.Equal(4.5, JsonNode.Parse(backend.Requests[0].Body!)!["targets"]![0]!["value"]!.GetValue<double>());
    }

    [Fact]
    public void A_new_use_case_gets_an_id_from_its_name_and_a_taken_id_is_said_about_the_id_field()
    {
        var backend = new FakeBackend().Answer("/api/v1/use-cases",
            """{"title":"Use case exists","status":409,"detail":"A use case with the id 'support-chatbot' already exists; ids never change, so pick another id.","errors":{"id":["id 'support-chatbot' is taken."]}}""",
            HttpStatusCode.Conflict);
        Services.AddSingleton(new MetricsClient(backend.Client(), TestAccounts.Gate(TestAccounts.SignedIn(WebRole.Editor))));
        var page = Render<NewUseCasePage>();

        page.Find("#new-name").Change("Support chatbot");
        Assert.Equal("support-chatbot", page.Find("#new-id").GetAttribute("value"));
        page.Find("#new-owner-name").Change("Ana Ruiz");
        page.Find("#new-owner-email").Change("ana@example.com");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Equal("Id 'support-chatbot' is taken.", page.Find("#new-id-errors li").TextContent));
        var (request, body) = Assert.Single(backend.Requests);
        Assert.Equal("POST /api/v1/use-cases", request);
        var sent = JsonNode.Parse(body!)!.AsObject();
        Assert.Equal("support-chatbot", sent["id"]!.GetValue<string>());
        Assert.Equal("customer-service", sent["category"]!.GetValue<string>());
        Assert.Equal(MetricCatalog.DefaultsFor(UseCaseCategory.CustomerService)[0].MetricKey, sent["primaryMetric"]!.GetValue<string>());
        Assert.False(sent.ContainsKey("archived"));
        Assert.False(sent.ContainsKey("revision"));
    }

    [Fact]
    public void A_created_use_case_opens_its_settings_to_set_baselines_and_targets()
    {
        var backend = new FakeBackend().Answer("/api/v1/use-cases", Registered("billing-bot", archived: false), HttpStatusCode.Created);
        Services.AddSingleton(new MetricsClient(backend.Client(), TestAccounts.Gate(TestAccounts.SignedIn(WebRole.Editor))));
        var page = Render<NewUseCasePage>();

        page.Find("#new-name").Change("Billing bot");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.EndsWith("/use-cases/billing-bot/settings", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal));
    }

    [Fact]
    public void Archiving_asks_first_and_then_archives_the_revision_read()
    {
        var backend = new FakeBackend().Answer("/api/v1/use-cases/bot/archive", Registered("bot", archived: true));
        Services.AddSingleton(new MetricsClient(backend.Client(), TestAccounts.Gate(TestAccounts.SignedIn(WebRole.Editor))));
        var saved = 0;
        var form = Render<ArchiveForm>(parameters => parameters
            .Add(form => form.UseCase, UseCase(revision: 7))
            .Add(form => form.Saved, () => saved++));

        form.Find("button").Click();
        Assert.Empty(backend.Requests);
        Assert.Contains("Events sent for it will be refused", form.Find("[data-testid='confirm']").TextContent, StringComparison.Ordinal);
        form.Find("[data-testid='confirm'] button.danger").Click();

        form.WaitForAssertion(() => Assert.Equal(1, saved));
        Assert.Equal("POST /api/v1/use-cases/bot/archive", Assert.Single(backend.Requests).Request);
        Assert.Equal("\"7\"", backend.Headers[0]["If-Match"]);
    }

    [Theory]
    [InlineData("", "2026-12-03")]
    [InlineData("en-US", "12/3/2026")]
    [InlineData("en-GB", "03/12/2026")]
    [InlineData("de-DE", "03.12.2026")]
    public void Dates_are_written_as_the_readers_language_writes_them_and_as_iso_when_it_is_unknown(string language, string expected)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
            Assert.Equal(expected, Figures.Day(new DateOnly(2026, 12, 3)));
            Assert.Equal($"{expected} 14:05 UTC", Figures.Moment(new DateTimeOffset(2026, 12, 3, 15, 5, 0, TimeSpan.FromHours(1))));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private IRenderedComponent<TargetsForm> RenderTargets(FakeBackend backend, Target target)
    {
        Services.AddSingleton(new MetricsClient(backend.Client(), TestAccounts.Gate(TestAccounts.SignedIn(WebRole.Editor))));
        return Render<TargetsForm>(parameters => parameters
            .Add(form => form.UseCase, UseCase(revision: 3) with { Targets = [target] })
            .Add(form => form.Metrics, MetricCatalog.BuiltIn));
    }

    private static RegisteredUseCase UseCase(int revision) =>
        new("bot", "Support bot", UseCaseCategory.CustomerService, null, new DateOnly(2026, 6, 1), new UnitEconomics(40m, 0, []), "fcrRate",
            [], [], [], ["complexity"], 30, Archived: false, revision, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    private static string Registered(string id, bool archived) =>
        $$"""{"id":"{{id}}","name":"{{id}}","category":"customer-service","unitEconomics":{"loadedHumanCostPerHour":0,"valuePerConversion":0,"fixedMonthlyCosts":[]},"primaryMetric":"fcrRate","guardrailMetrics":[],"targets":[],"customMetrics":[],"segmentDimensions":[],"reviewCadenceDays":30,"archived":{{(archived ? "true" : "false")}},"revision":2,"createdAt":"2026-12-01T00:00:00Z","updatedAt":"2026-12-01T00:00:00Z"}""";
}
