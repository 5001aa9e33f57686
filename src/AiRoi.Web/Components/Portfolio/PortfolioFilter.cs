using AiRoi.Domain.Health;
using AiRoi.Domain.UseCases;
using AiRoi.Domain;
using AiRoi.Web.Backends;
using AiRoi.Web.Components.Ranges;

namespace AiRoi.Web.Components.Portfolio;

/// <summary>
/// The portfolio's filters and sort as the page's address carries them (<c>/?category=sales&amp;sort=roi</c>), so a
/// filtered view can be bookmarked and shared; values the API would refuse are dropped rather than sent.
/// </summary>
public sealed record PortfolioFilter(string? Category, string? Owner, string? Health, string Sort, string Order, ViewPeriod Period)
{
    /// <summary>The sort keys the metrics API knows, with what the page calls them.</summary>
    public static readonly IReadOnlyList<(string Key, string Label)> SortKeys =
    [
        ("name", "Name"), ("category", "Category"), ("owner", "Owner"), ("roi", "ROI"), ("net-benefit", "Net benefit"),
        ("savings", "Savings"), ("health", "Health flags"), ("events", "Events"), ("last-event", "Last event"),
    ];

    /// <summary>The categories, by wire name.</summary>
    public static IReadOnlyList<string> Categories { get; } = Enum.GetValues<UseCaseCategory>().Select(WireJson.Name).ToList();

    /// <summary>The health filter's values: <c>healthy</c> and each check.</summary>
    public static IReadOnlyList<string> HealthValues { get; } =
        ["healthy", .. Enum.GetValues<HealthCheck>().Select(WireJson.Name)];

    /// <summary>The filter of an address's query values, keeping only values the API knows.</summary>
    public static PortfolioFilter From(string? category, string? owner, string? health, string? sort, string? order, ViewPeriod? period = null) => new(
        Categories.Contains(category) ? category : null,
        string.IsNullOrWhiteSpace(owner) ? null : owner.Trim(),
        HealthValues.Contains(health) ? health : null,
        SortKeys.Any(key => key.Key == sort) ? sort! : "name",
        order is "desc" ? "desc" : "asc",
        period ?? ViewPeriod.Usual);

    /// <summary>The metrics API's query.</summary>
    public PortfolioQuery ToQuery() => new(Category, Owner, Health, Sort, Order, Period.From, Period.To);

    /// <summary>The page's address for this filter (defaults left out).</summary>
    public string ToUri()
    {
        var parts = new List<string>();
        void Add(string name, string? value, string? defaultValue = null)
        {
            if (!string.IsNullOrEmpty(value) && value != defaultValue)
            {
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }
        Add("category", Category);
        Add("owner", Owner);
        Add("health", Health);
        Add("sort", Sort, "name");
        Add("order", Order, "asc");
        foreach (var (name, value) in Period.Parameters())
        {
            Add(name, value);
        }
        return parts.Count == 0 ? "/" : "/?" + string.Join("&", parts);
    }
}
