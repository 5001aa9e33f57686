namespace AiRoi.Contracts.Api;

/// <summary>The organization's own settings (<c>GET /api/v1/organization</c>).</summary>
/// <param name="Currency">
/// The ISO 4217 currency of every use case's money unless the use case names another; the portfolio adds up only
/// amounts in it.
/// </param>
/// <param name="UpdatedBy">Who set it last.</param>
/// <param name="UpdatedAt">When.</param>
public sealed record OrganizationSettings(string Currency, string UpdatedBy, DateTimeOffset UpdatedAt);

/// <summary>A change of the organization's settings (<c>PUT /api/v1/organization</c>).</summary>
public sealed record OrganizationRequest
{
    /// <summary>The ISO 4217 currency code, in capitals (EUR).</summary>
    public string? Currency { get; init; }
}
