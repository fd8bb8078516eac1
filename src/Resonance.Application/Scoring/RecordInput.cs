using Resonance.Domain;

namespace Resonance.Application.Scoring;

/// <summary>A <see cref="ScoringInput"/> built straight from records (imported or generated), without a database: every
/// account named by an interaction or a post gets an id, its index in the ordinal order of external ids.</summary>
/// <remarks>Complexity: O((m + p) log a) for m interactions, p posts and a accounts. Determinism: ids depend only on the
/// set of external ids, so the scores of the input do not depend on record order. Streams the records once; only the
/// arrays are kept.</remarks>
public static class RecordInput
{
    /// <summary>The input of <paramref name="records"/> (accounts and errors are skipped) and the external id of each id;
    /// with <paramref name="withTexts"/>, also the posts' originality and original text (<see cref="ScoringInput.Texts"/>,
    /// in record order), as a store loads them for resonance@2.</summary>
    public static (ScoringInput Input, string[] ExternalIds) Build(IEnumerable<SourceRecord> records, bool withTexts = false)
    {
        ArgumentNullException.ThrowIfNull(records);
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        List<int> actors = [], targets = [], authors = [];
        List<long> times = [], postTimes = [];
        List<InteractionKind> kinds = [];
        List<double> weights = [];
        List<string?> texts = [];
        List<bool> original = [];
        foreach (var r in records)
        {
            if (r.Interaction is { } i)
            {
                actors.Add(Name(i.ActorId));
                targets.Add(Name(i.TargetId));
                kinds.Add(i.Kind);
                times.Add(i.OccurredAt?.ToUnixTimeMilliseconds() ?? ScoringInput.Untimed);
                weights.Add(i.Weight);
            }
            else if (r.Post is { } p)
            {
                authors.Add(Name(p.AuthorId));
                postTimes.Add(p.CreatedAt.ToUnixTimeMilliseconds());
                if (withTexts)
                {
                    var isOriginal = p.ReplyToPostId is null && p.QuoteOfPostId is null && p.RepostOfPostId is null;
                    original.Add(isOriginal);
                    texts.Add(isOriginal ? p.Text : null);
                }
            }
        }

        var sorted = names.Keys.Order(StringComparer.Ordinal).ToArray();
        var rank = new long[names.Count];
        for (var k = 0; k < sorted.Length; k++)
        {
            rank[names[sorted[k]]] = k;
        }

        long[] postAuthors = [.. authors.Select(a => rank[a])];
        return (new ScoringInput([.. actors.Select(a => rank[a])], [.. targets.Select(t => rank[t])], [.. kinds], [.. times], [.. weights],
            postAuthors, [.. postTimes])
        {
            Texts = withTexts ? new PostTexts(postAuthors, [.. postTimes], [.. texts], [.. original]) : null,
        }, sorted);

        int Name(string id)
        {
            if (!names.TryGetValue(id, out var k))
            {
                names[id] = k = names.Count;
            }

            return k;
        }
    }
}
