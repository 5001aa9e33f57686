using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using AiRoi.Domain.Metrics;
using AiRoi.Domain.Reports;
using AiRoi.Domain.Rollups;
using AiRoi.Domain.Targets;

namespace AiRoi.Domain.Digests;

/// <summary>An alert condition that started during the digest's week, for its list of what happened.</summary>
/// <param name="UseCaseId">The use case.</param>
/// <param name="Title">One line.</param>
/// <param name="Detail">Why.</param>
/// <param name="OpenedAt">When it started.</param>
/// <param name="ClosedAt">When it stopped, if it has.</param>
public sealed record DigestEvent(string UseCaseId, string Title, string Detail, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt);

/// <summary>
/// The weekly review a business owner receives: each of their use cases with its ROI (last 90 days and since go-live),
/// key metrics against baseline and target, the measurement mistakes that apply, and what started during the week.
/// The week is Monday to Sunday, the last complete one. Rendered as self-contained HTML (inline styles, every text
/// encoded) that a mail client, a webhook receiver or the web shows as it is.
/// </summary>
/// <param name="OwnerName">The owner.</param>
/// <param name="OwnerEmail">The owner's e-mail address: the digest's recipient and key.</param>
/// <param name="WeekStart">The Monday the week starts on.</param>
/// <param name="UseCases">The owner's active use cases, as the portfolio lists them at the week's end.</param>
/// <param name="Events">Alert conditions that started during the week for those use cases.</param>
/// <param name="Currency">The organization's currency, for amounts of use cases that name none.</param>
public sealed record WeeklyDigest(
    string OwnerName, string OwnerEmail, DateOnly WeekStart, IReadOnlyList<UseCaseSummary> UseCases, IReadOnlyList<DigestEvent> Events, string Currency)
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>The Monday of the last complete week before <paramref name="today"/> (Monday to Sunday).</summary>
    public static DateOnly LastCompleteWeek(DateOnly today) => Periods.StartOf(today, Granularity.Week).AddDays(-7);

    /// <summary>The week's last day.</summary>
    public DateOnly WeekEnd => WeekStart.AddDays(6);

    /// <summary>The subject line.</summary>
    public string Subject =>
        $"AiRoi weekly review, {WeekStart.ToString("d MMM", Culture)} to {WeekEnd.ToString("d MMM yyyy", Culture)}: {UseCases.Count} use case{(UseCases.Count == 1 ? "" : "s")}" +
        (Events.Count > 0 ? $", {Events.Count} new alert{(Events.Count == 1 ? "" : "s")}" : "");

    /// <summary>The digest as an HTML document; <paramref name="webUrl"/>, when given, links each use case to its page.</summary>
    public string ToHtml(string? webUrl = null)
    {
        var html = new StringBuilder();
        var e = HtmlEncoder.Default;
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(e.Encode(Subject)).Append("</title></head>")
            .Append("<body style=\"font-family:system-ui,sans-serif;color:#111827;max-width:720px\">")
            .Append("<h1 style=\"font-size:1.3rem\">").Append(e.Encode($"Weekly review for {OwnerName}")).Append("</h1>")
            .Append("<p>").Append(e.Encode($"Week of {WeekStart.ToString("yyyy-MM-dd", Culture)} to {WeekEnd.ToString("yyyy-MM-dd", Culture)}. ROI is over the last 90 days and since go-live; key metrics over the last 28 days."))
            .Append("</p>");
        if (UseCases.Count == 0)
        {
            html.Append("<p>").Append(e.Encode("You own no active use case.")).Append("</p>");
        }
        foreach (var useCase in UseCases.OrderBy(useCase => useCase.Name, StringComparer.OrdinalIgnoreCase))
        {
            var currency = useCase.Currency ?? Currency;
            html.Append("<section data-use-case=\"").Append(e.Encode(useCase.Id)).Append("\" style=\"border-top:1px solid #d1d5db;padding:.5rem 0\">")
                .Append("<h2 style=\"font-size:1.1rem\">");
            if (webUrl is not null)
            {
                html.Append("<a href=\"").Append(e.Encode($"{webUrl.TrimEnd('/')}/use-cases/{Uri.EscapeDataString(useCase.Id)}")).Append("\">").Append(e.Encode(useCase.Name)).Append("</a>");
            }
            else
            {
                html.Append(e.Encode(useCase.Name));
            }
            html.Append("</h2><p>").Append(e.Encode(RoiLine(useCase, currency))).Append("</p>");
            if (useCase.KeyMetrics.Count > 0)
            {
                html.Append("<table style=\"border-collapse:collapse\"><thead><tr>");
                foreach (var heading in new[] { "Key metric", "Now", "Baseline", "Target" })
                {
                    html.Append("<th style=\"text-align:left;padding:2px 8px\">").Append(e.Encode(heading)).Append("</th>");
                }
                html.Append("</tr></thead><tbody>");
                foreach (var tile in useCase.KeyMetrics)
                {
                    var target = tile.Targets.OrderBy(evaluation => evaluation.Target.DueDate).FirstOrDefault();
                    html.Append("<tr>");
                    foreach (var cell in new[]
                    {
                        tile.Metric.Name, Figure(tile.Current.Value, tile.Metric.Unit, currency), Figure(tile.Baseline?.Value, tile.Metric.Unit, currency),
                        target is null ? "not set" : $"{Figure(target.Target.Value, tile.Metric.Unit, currency)} by {target.Target.DueDate.ToString("yyyy-MM-dd", Culture)} ({Status(target.Status)})",
                    })
                    {
                        html.Append("<td style=\"padding:2px 8px\">").Append(e.Encode(cell)).Append("</td>");
                    }
                    html.Append("</tr>");
                }
                html.Append("</tbody></table>");
            }
            if (useCase.Health.Count > 0)
            {
                html.Append("<p><strong>").Append(e.Encode("Measurement mistakes that apply:")).Append("</strong></p><ul>");
                foreach (var finding in useCase.Health)
                {
                    html.Append("<li>").Append(e.Encode(finding.Reason)).Append("</li>");
                }
                html.Append("</ul>");
            }
            var started = Events.Where(item => item.UseCaseId == useCase.Id).OrderBy(item => item.OpenedAt).ToList();
            if (started.Count > 0)
            {
                html.Append("<p><strong>").Append(e.Encode("Started this week:")).Append("</strong></p><ul>");
                foreach (var item in started)
                {
                    html.Append("<li>").Append(e.Encode($"{item.OpenedAt.UtcDateTime.ToString("yyyy-MM-dd", Culture)}: {item.Title}. {item.Detail}{(item.ClosedAt is null ? "" : " (it has stopped since)")}")).Append("</li>");
                }
                html.Append("</ul>");
            }
            html.Append("</section>");
        }
        html.Append("</body></html>");
        return html.ToString();
    }

    private static string RoiLine(UseCaseSummary useCase, string currency)
    {
        if (useCase.Roi is not { } roi)
        {
            return "No ROI yet: the AI is not live.";
        }
        var recent = roi.Roi is { } value ? $"ROI {MetricText.Percent(value.Value)} over the last 90 days" : "No ROI over the last 90 days";
        var net = roi.NetBenefit is { } benefit ? $" (net benefit {MetricText.Money(benefit.Value)} {currency})" : "";
        var since = useCase.RoiSinceGoLive?.Roi is { } total ? $"; {MetricText.Percent(total.Value)} since go-live" : "";
        return recent + net + since + ".";
    }

    private static string Figure(double? value, MetricUnit unit, string currency) =>
        value is not { } number || !double.IsFinite(number) ? "—"
        : unit == MetricUnit.Currency ? $"{MetricText.Value(number, unit)} {currency}"
        : MetricText.Value(number, unit);

    private static string Status(TargetStatus status) => status switch
    {
        TargetStatus.Met => "met",
        TargetStatus.OnTrack => "on track",
        TargetStatus.AtRisk => "at risk",
        TargetStatus.Missed => "missed",
        _ => WireJson.Name(status),
    };
}
