using System.Globalization;
using AiRoi.ServiceDefaults.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace AiRoi.Metrics.UseCases;

/// <summary>
/// Optimistic concurrency for registry writes: the revision is the entity tag (<c>ETag: "3"</c>), and a write
/// with <c>If-Match: "3"</c> applies only while the use case is still at revision 3 (RFC 9110 §13.1.1). Without
/// <c>If-Match</c> (or with <c>*</c>) the last write wins.
/// </summary>
internal sealed class RevisionCondition
{
    private static readonly RevisionCondition Any = new(null, "");

    private readonly IReadOnlySet<int>? revisions;
    private readonly string sent;

    private RevisionCondition(IReadOnlySet<int>? revisions, string sent)
    {
        this.revisions = revisions;
        this.sent = sent;
    }

    /// <summary>The entity tag of a revision: the number in double quotes.</summary>
    public static string EntityTag(int revision) => string.Create(CultureInfo.InvariantCulture, $"\"{revision}\"");

    /// <summary>The request's <c>If-Match</c>.</summary>
    /// <exception cref="ProblemException">The header is not a list of entity tags (e.g. <c>3</c> without quotes).</exception>
    public static RevisionCondition FromIfMatch(HttpRequest request)
    {
        var header = request.Headers.IfMatch;
        if (StringValues.IsNullOrEmpty(header))
        {
            return Any;
        }

        if (!EntityTagHeaderValue.TryParseStrictList(header, out var tags) || tags.Count == 0)
        {
            throw new ProblemException(UseCaseProblems.InvalidIfMatch, "If-Match",
                $"If-Match '{header}' is not a list of entity tags; send the ETag of the revision you read, quotes included, e.g. \"3\".");
        }

        if (tags.Any(tag => tag.Tag.Equals("*", StringComparison.Ordinal)))
        {
            return Any;
        }

        var revisions = new HashSet<int>();
        foreach (var tag in tags)
        {
            // A weak tag never matches under If-Match's strong comparison; neither does a tag the registry never issued.
            if (!tag.IsWeak && int.TryParse(tag.Tag.Subsegment(1, tag.Tag.Length - 2).AsSpan(), NumberStyles.None, CultureInfo.InvariantCulture, out var revision))
            {
                revisions.Add(revision);
            }
        }

        return new RevisionCondition(revisions, header.ToString());
    }

    /// <summary>Refuses the write unless the use case is at one of the revisions asked for.</summary>
    /// <exception cref="ProblemException">The use case is at another revision (412).</exception>
    public void Check(int currentRevision)
    {
        if (revisions is not null && !revisions.Contains(currentRevision))
        {
            throw new ProblemException(UseCaseProblems.RevisionMismatch, "If-Match",
                $"The use case is at revision {currentRevision} (ETag {EntityTag(currentRevision)}), not {sent}; read it again and reapply the change.");
        }
    }
}
