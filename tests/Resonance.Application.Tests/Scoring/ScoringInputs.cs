using Resonance.Application.Scoring;
using Resonance.Domain;
using Resonance.Ingest;

namespace Resonance.Application.Tests.Scoring;

/// <summary>Builds <see cref="ScoringInput"/>s for tests: from a real file through the real reader, or from a small list.</summary>
internal static class ScoringInputs
{
    /// <summary>Reads <paramref name="path"/> with the reader for <paramref name="format"/>; account ids are assigned in order of first appearance.</summary>
    public static (ScoringInput Input, Dictionary<string, long> Ids) FromFile(string path, string format, InteractionKind? kind = null)
    {
        using var file = InputFiles.OpenText(path);
        return FromRecords(RecordReaders.Get(format).Read(file.Reader, path, new ReaderOptions(kind is null ? null : "edges", kind)));
    }

    /// <summary>Converts records (interactions and posts; accounts and errors are ignored). Numeric external ids are kept
    /// as the account ids (as the reference scripts do, so that ties break the same way); others are numbered after them.</summary>
    public static (ScoringInput Input, Dictionary<string, long> Ids) FromRecords(IEnumerable<SourceRecord> records)
    {
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        long Id(string external) => ids.TryGetValue(external, out var id) ? id
            : ids[external] = long.TryParse(external, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n < (1L << 62)
                ? n : (1L << 62) + ids.Count;
        List<long> actors = [], targets = [], times = [], authors = [], postTimes = [];
        List<InteractionKind> kinds = [];
        List<double> weights = [];
        foreach (var r in records)
        {
            if (r.Interaction is { } i)
            {
                actors.Add(Id(i.ActorId));
                targets.Add(Id(i.TargetId));
                kinds.Add(i.Kind);
                times.Add(i.OccurredAt?.ToUnixTimeMilliseconds() ?? ScoringInput.Untimed);
                weights.Add(i.Weight);
            }
            else if (r.Post is { } p)
            {
                authors.Add(Id(p.AuthorId));
                postTimes.Add(p.CreatedAt.ToUnixTimeMilliseconds());
            }
        }

        return (new ScoringInput([.. actors], [.. targets], [.. kinds], [.. times], [.. weights], [.. authors], [.. postTimes]), ids);
    }

    /// <summary>An input from (actor, target, kind, time) tuples, without posts.</summary>
    public static ScoringInput Of(params (long Actor, long Target, InteractionKind Kind, long TimeMs)[] rows) =>
        new([.. rows.Select(r => r.Actor)], [.. rows.Select(r => r.Target)], [.. rows.Select(r => r.Kind)], [.. rows.Select(r => r.TimeMs)],
            [.. rows.Select(_ => 1.0)], [], []);

    /// <summary>The input plus extra rows appended.</summary>
    public static ScoringInput With(ScoringInput input, IEnumerable<(long Actor, long Target, InteractionKind Kind, long TimeMs)> extra)
    {
        var rows = extra.ToList();
        return new ScoringInput([.. input.ActorIds, .. rows.Select(r => r.Actor)], [.. input.TargetIds, .. rows.Select(r => r.Target)],
            [.. input.Kinds, .. rows.Select(r => r.Kind)], [.. input.TimesMs, .. rows.Select(r => r.TimeMs)],
            [.. input.Weights, .. rows.Select(_ => 1.0)], input.PostAuthorIds, input.PostTimesMs);
    }
}
