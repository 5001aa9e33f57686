using AiRoi.Domain.Reports;
using AiRoi.Domain.UseCases;
using AiRoi.Metrics.Portfolio;

namespace AiRoi.Metrics.Tests;

/// <summary>A kept portfolio answer is sent again only for the same question made from the very same summaries.</summary>
public sealed class PortfolioAnswersTests
{
    private static UseCaseSummary Summary(string id, long events) =>
        new(id, id, UseCaseCategory.CustomerService, null, false, events, null, [], null, []);

    [Fact]
    public void The_same_summaries_give_the_kept_answer_and_any_replaced_summary_or_other_question_a_new_one()
    {
        var answers = new PortfolioAnswers();
        var first = Summary("a", 1);
        var second = Summary("b", 2);
        var made = 0;
        byte[] Answer() => [(byte)++made];

        var kept = answers.GetOrAdd("usual", [first, second], Answer);
        Assert.Same(kept, answers.GetOrAdd("usual", [first, second], Answer));
        Assert.Equal(1, made);

        // A summary recomputed with equal figures is another object: the grain replaced it, so the answer is made again.
        Assert.NotSame(kept, answers.GetOrAdd("usual", [first, Summary("b", 2)], Answer));
        Assert.Equal(2, made);
        // Another order (another sort) or another set of use cases (another key's coverage) is another answer.
        answers.GetOrAdd("usual", [second, first], Answer);
        answers.GetOrAdd("usual", [first], Answer);
        Assert.Equal(4, made);
        // Another question on the same summaries is answered apart and does not replace the usual one.
        answers.GetOrAdd("by-roi", [first], Answer);
        Assert.Equal(5, made);
        Assert.Equal([(byte)4], answers.GetOrAdd("usual", [first], Answer));
        Assert.Equal(5, made);
    }

    [Fact]
    public void Beyond_the_questions_kept_the_answers_are_dropped_and_made_again()
    {
        var answers = new PortfolioAnswers();
        var summaries = new[] { Summary("a", 1) };
        var made = 0;
        byte[] Answer() => [(byte)++made];
        for (var question = 0; question <= PortfolioAnswers.Kept; question++)
        {
            answers.GetOrAdd($"q{question}", summaries, Answer);
        }
        Assert.Equal(PortfolioAnswers.Kept + 1, made);
        answers.GetOrAdd("q0", summaries, Answer);
        Assert.Equal(PortfolioAnswers.Kept + 2, made);
    }
}
