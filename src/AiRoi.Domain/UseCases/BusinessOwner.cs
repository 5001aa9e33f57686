namespace AiRoi.Domain.UseCases;

/// <summary>
/// The person on the business side who owns a use case's success definition. The last of the measurement mistakes in docs/product.md is
/// "IT picks metrics, not business owners"; a use case without one is flagged by the health checks.
/// </summary>
/// <param name="Name">The owner's name, 1–200 characters.</param>
/// <param name="Email">The owner's e-mail address, for review reminders.</param>
public sealed record BusinessOwner(string Name, string Email);
