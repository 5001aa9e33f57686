using System.Collections.Concurrent;
using AiRoi.Domain.Reports;

namespace AiRoi.Metrics.Portfolio;

/// <summary>
/// The portfolio's last answers in this silo, each kept with the summaries it was made from. A grain keeps its
/// summary object until its data, configuration or day changes, so while every summary of a question is the same
/// object as last time, the answer is the same: its bytes are sent again instead of filtering, sorting, adding up and
/// writing every row anew. Any summary replaced makes the next answer afresh.
/// </summary>
public sealed class PortfolioAnswers
{
    /// <summary>Questions answered from memory at once (filters and sorts a team uses); beyond that all are dropped.</summary>
    public const int Kept = 16;

    private readonly ConcurrentDictionary<string, (IReadOnlyList<UseCaseSummary> Summaries, byte[] Json)> answers = new(StringComparer.Ordinal);

    /// <summary>
    /// The answer to <paramref name="question"/> (everything but the summaries it depends on) made from
    /// <paramref name="summaries"/>: the one kept when it was made from the same summary objects, otherwise
    /// <paramref name="answer"/>'s, then kept.
    /// </summary>
    public byte[] GetOrAdd(string question, IReadOnlyList<UseCaseSummary> summaries, Func<byte[]> answer)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        ArgumentNullException.ThrowIfNull(answer);
        if (answers.TryGetValue(question, out var kept) && MadeFrom(kept.Summaries, summaries))
        {
            return kept.Json;
        }
        var json = answer();
        if (answers.Count >= Kept)
        {
            answers.Clear();
        }
        answers[question] = (summaries, json);
        return json;
    }

    private static bool MadeFrom(IReadOnlyList<UseCaseSummary> kept, IReadOnlyList<UseCaseSummary> summaries)
    {
        if (kept.Count != summaries.Count)
        {
            return false;
        }
        for (var i = 0; i < kept.Count; i++)
        {
            if (!ReferenceEquals(kept[i], summaries[i]))
            {
                return false;
            }
        }
        return true;
    }
}
