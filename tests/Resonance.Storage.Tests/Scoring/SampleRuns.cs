using Resonance.Application.Scoring;

namespace Resonance.Storage.Tests.Scoring;

/// <summary>Hand-built scoring runs whose doubles cover awkward values (subnormals, extremes, non-terminating fractions).</summary>
internal static class SampleRuns
{
    /// <summary>Values a decimal round trip would break, and ones SQLite stores as integers.</summary>
    private static readonly double[] Awkward =
    [
        0.1 + 0.2, 1.0 / 3, Math.PI, double.Epsilon, 2.2250738585072009e-308, double.MaxValue, double.MinValue, 1e-300, 42, -7,
        0, 9007199254740993, 123456789.123456789, double.PositiveInfinity, double.NegativeInfinity, BitConverter.Int64BitsToDouble(0x3FF0000000000001),
    ];

    public static ScoringParameters Parameters(long asOfMs = 1_700_000_000_123) => new()
    {
        Algorithm = new AlgorithmId("resonance", 2),
        AsOfMs = asOfMs,
        WindowDays = 30.5,
        HalfLifeDays = 1.0 / 3,
        Network = "mastodon",
        KindWeights = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["repost"] = 0.1 + 0.2, ["quote"] = 1, ["reply"] = 0.6, ["mention"] = 0.4, ["like"] = 1e-17, ["follow"] = 0.1,
        },
        Damping = 0.8500000000000001,
        PageRankTolerance = 1e-13,
        PageRankMaxIterations = 77,
        AmplificationPriorPosts = 5.5,
        ImpactWeight = 0.30000000000000004,
        BootstrapReplicates = 9,
        IntervalLevel = 0.95,
        Seed = ulong.MaxValue,
        CalibrationQuantiles = 101,
        // resonance@5's record of its rungs: the main one, and one with its accounts and calibration.
        FittedHalfLifeDays = 1.0 / 3,
        TempoAccounts = 9084,
        TempoRungs = new TempoRungList([
            new TempoRung(54, 0.0747463480225524, 59_074),
            new TempoRung(55, 0.1 + 0.2, 1) { AccountIds = [7919, long.MaxValue], CalibrationQuantiles = [double.Epsilon, 1.0 / 3, double.MaxValue] },
        ]),
    };

    /// <summary>A run over accounts 1..<paramref name="accounts"/> with about three engagers each, reproducible from <paramref name="seed"/>.</summary>
    public static ScoreRunDraft Create(int accounts, int seed, string codeRevision = "abc123")
    {
        var random = new Random(seed);
        var ids = Enumerable.Range(1, accounts).Select(i => (long)i * 7919).OrderBy(_ => random.Next()).ToArray();
        var scores = ids.Select((id, i) => new AccountScore(id, i + 1, Value(random, i), Value(random, i + 1), Value(random, i + 2),
            Value(random, i + 3), Value(random, i + 4), Value(random, i + 5), Value(random, i + 6), Value(random, i + 7))).ToList();
        var contributions = new List<ScoreContribution>();
        foreach (var id in ids)
        {
            foreach (var engager in ids.OrderBy(_ => random.Next()).Take(random.Next(0, 6)).Where(e => e != id))
            {
                contributions.Add(new ScoreContribution(id, engager, Value(random, contributions.Count), Value(random, contributions.Count + 1),
                    Value(random, contributions.Count + 2)));
            }
        }
        var calibration = Enumerable.Range(0, 101).Select(i => Value(random, i)).Order().ToArray();
        var info = new ScoreRunInfo
        {
            Algorithm = new AlgorithmId("resonance", 2),
            Parameters = Parameters(),
            WatermarkLatestMs = 1_699_999_999_999,
            WatermarkInteractions = 563_069,
            CodeRevision = codeRevision,
            // Microseconds: the resolution both providers keep.
            StartedAt = new DateTimeOffset(2026, 11, 25, 18, 0, 0, TimeSpan.FromHours(1)).AddTicks(1_234_560),
            FinishedAt = new DateTimeOffset(2026, 11, 25, 17, 0, 3, TimeSpan.Zero).AddTicks(9_999_990),
            Timings = [new("load", 0.1 + 0.2), new("graph", 1e-7), new("score", 2.5), new("save", 1.0 / 3)],
            CalibrationQuantiles = calibration,
            AmplificationPriorRate = 1.0 / 7,
            AccountsScored = accounts,
            Pairs = contributions.Count,
            PageRankIterations = 61,
        };
        return new ScoreRunDraft(info, scores, contributions);
    }

    /// <summary>Mostly random bit patterns (any finite double), sometimes an awkward value.</summary>
    private static double Value(Random random, int i)
    {
        if (i % 5 == 0)
        {
            return Awkward[random.Next(Awkward.Length)];
        }
        double v;
        do
        {
            v = BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue));
        }
        while (!double.IsFinite(v));
        return v;
    }
}
