using AiRoi.Domain;
using AiRoi.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiRoi.ServiceDefaults.Tests;

/// <summary>Domain validation errors become one problem detail that names every field with its codes.</summary>
public class ValidationFailureTests
{
    private static readonly ValidationError[] Errors =
    [
        new("csat", "out-of-range", "csat must be between 1 and 5."),
        new("attributes.region", "too-long", "attributes.region must be at most 200 characters."),
        new("csat", "not-finite", "csat must be a finite number."),
    ];

    [Fact]
    public void Every_error_is_keyed_by_field_with_its_code_in_the_same_order()
    {
        var details = ValidationFailure.ToProblem(Errors).ProblemDetails;

        Assert.Equal("https://airoi.dev/problems/validation-failed", details.Type);
        Assert.Equal(400, details.Status);
        Assert.False(string.IsNullOrWhiteSpace(details.Title));
        Assert.Equal("csat", details.Extensions["field"]);
        var errors = Assert.IsType<Dictionary<string, string[]>>(details.Extensions["errors"]);
        var codes = Assert.IsType<Dictionary<string, string[]>>(details.Extensions["codes"]);
        Assert.Equal(["csat", "attributes.region"], errors.Keys);
        Assert.Equal(["csat must be between 1 and 5.", "csat must be a finite number."], errors["csat"]);
        Assert.Equal(["out-of-range", "not-finite"], codes["csat"]);
        Assert.Equal(["too-long"], codes["attributes.region"]);
    }

    [Fact]
    public void The_detail_is_the_first_message_and_how_many_more_there_are()
    {
        Assert.Equal("csat must be between 1 and 5. (2 more errors in errors.)", ValidationFailure.ToProblem(Errors).ProblemDetails.Detail);
        Assert.Equal("csat must be between 1 and 5.", ValidationFailure.ToProblem(Errors[..1]).ProblemDetails.Detail);
    }

    [Theory]
    [InlineData("events[3]", "csat", "events[3].csat")]
    [InlineData("events[3]", "targets[1].dueDate", "events[3].targets[1].dueDate")]
    [InlineData("events", "[3]", "events[3]")]
    [InlineData("events[3]", "$", "events[3]")]
    public void A_prefix_places_the_fields_inside_a_larger_request(string prefix, string field, string expected)
    {
        var prefixed = Assert.Single(new[] { new ValidationError(field, "required", "x") }.WithPrefix(prefix));

        Assert.Equal(expected, prefixed.Field);
        Assert.Equal("required", prefixed.Code);
    }

    [Fact]
    public void Prefixed_errors_of_several_items_make_one_problem()
    {
        var errors = Errors[..1].WithPrefix("events[0]").Concat(Errors[1..2].WithPrefix("events[4]")).ToList();

        var codes = Assert.IsType<Dictionary<string, string[]>>(ValidationFailure.ToProblem(errors).ProblemDetails.Extensions["codes"]);

        Assert.Equal(["events[0].csat", "events[4].attributes.region"], codes.Keys);
    }

    [Fact]
    public void No_errors_is_not_a_problem() =>
        Assert.Throws<ArgumentException>(() => ValidationFailure.ToProblem([]));

    [Fact]
    public void The_exception_answers_the_same_problem()
    {
        ProblemException exception = new ValidationFailedException(Errors);

        var details = exception.ToProblem().ProblemDetails;

        Assert.Equal("https://airoi.dev/problems/validation-failed", details.Type);
        Assert.Equal("csat", exception.Field);
        Assert.Equal(["out-of-range", "not-finite"], Assert.IsType<Dictionary<string, string[]>>(details.Extensions["codes"])["csat"]);
    }

    [Fact]
    public void A_single_field_problem_names_its_field_twice()
    {
        var problem = new ProblemType("analysis/too-few-units", 400, "A variant has fewer than two units.");

        ProblemHttpResult result = new ProblemException(problem, "variants[1].n", "variants[1].n must be at least 2.").ToProblem();

        Assert.Equal("https://airoi.dev/problems/analysis/too-few-units", result.ProblemDetails.Type);
        Assert.Equal(400, result.StatusCode);
        Assert.Equal("A variant has fewer than two units.", result.ProblemDetails.Title);
        Assert.Equal("variants[1].n", result.ProblemDetails.Extensions["field"]);
        Assert.Equal(["variants[1].n must be at least 2."], Assert.IsType<Dictionary<string, string[]>>(result.ProblemDetails.Extensions["errors"])["variants[1].n"]);
    }
}
