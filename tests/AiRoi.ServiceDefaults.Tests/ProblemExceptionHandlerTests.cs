using System.Text.Json;
using AiRoi.Domain;
using AiRoi.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AiRoi.ServiceDefaults.Tests;

/// <summary>
/// The one exception-to-problem path: a thrown <see cref="ProblemException"/> is answered with its status, type and
/// field; a validation failure with every field and code; anything else is left to the next handler.
/// </summary>
public class ProblemExceptionHandlerTests
{
    private static async Task<(bool Handled, int Status, JsonElement Body)> HandleAsync(Exception exception)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = new MemoryStream();

        var handled = await new ProblemExceptionHandler().TryHandleAsync(context, exception, CancellationToken.None);

        context.Response.Body.Position = 0;
        var body = context.Response.Body.Length == 0 ? default : (await JsonDocument.ParseAsync(context.Response.Body)).RootElement;
        return (handled, context.Response.StatusCode, body);
    }

    [Fact]
    public async Task A_thrown_problem_is_answered_with_its_status_type_and_field()
    {
        var problem = new ProblemException(RequestProblems.UnknownField, "variants[0].conversion", "variants[0].conversion is not a field of the request.");

        var (handled, status, body) = await HandleAsync(problem);

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status400BadRequest, status);
        Assert.Equal("https://airoi.dev/problems/unknown-field", body.GetProperty("type").GetString());
        Assert.Equal("variants[0].conversion", body.GetProperty("field").GetString());
        Assert.Equal(["variants[0].conversion"], body.GetProperty("errors").EnumerateObject().Select(error => error.Name));
    }

    [Fact]
    public async Task A_validation_failure_names_every_field_with_its_code()
    {
        var failure = new ValidationFailedException([
            new ValidationError("csat", ValidationCodes.OutOfRange, "csat must be 1 to 5."),
            new ValidationError("aiCost", ValidationCodes.OutOfRange, "aiCost must not be negative."),
        ]);

        var (_, status, body) = await HandleAsync(failure);

        Assert.Equal(StatusCodes.Status400BadRequest, status);
        Assert.Equal("https://airoi.dev/problems/validation-failed", body.GetProperty("type").GetString());
        Assert.Equal(ValidationCodes.OutOfRange, body.GetProperty("codes").GetProperty("aiCost")[0].GetString());
    }

    [Fact]
    public async Task Any_other_exception_is_left_to_the_next_handler()
    {
        var (handled, _, _) = await HandleAsync(new InvalidOperationException("a bug"));

        Assert.False(handled);
    }

    [Fact]
    public async Task A_body_over_the_servers_limit_is_a_413_problem()
    {
        var (handled, status, body) = await HandleAsync(new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge));

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status413PayloadTooLarge, status);
        Assert.Equal("https://airoi.dev/problems/request-too-large", body.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("airoi-dev-key", true)]
    [InlineData("airoi_Zm9vYmFyLWJhei1xdXV4LXF1dXotZm9vYmFyLWJhei0xMjM0NQ==", true)]
    [InlineData("", false)]
    [InlineData("key with space", false)]
    [InlineData("ключ", false)]
    [InlineData("key\u0000", false)]
    public void Only_a_key_that_could_have_been_issued_is_checked_at_all(string presented, bool wellFormed)
    {
        Assert.Equal(wellFormed, ApiKeyFilters.IsWellFormed(presented));
        Assert.False(ApiKeyFilters.IsWellFormed(new string('k', ApiKeyFilters.MaxKeyLength + 1)));
    }
}
