using System.Globalization;
using Resonance.Application.Integrity;
using Resonance.Tests.Shared;

namespace Resonance.Application.Tests.Integrity;

/// <summary>Detection on real labels (issue #4, docs/integrity.md "Trust propagation"): users rated negatively on net by
/// others must rank below the rest under trust propagation over endorsements.</summary>
public sealed class BitcoinTrustTests
{
    private const string Otc = "soc-sign-bitcoin/soc-sign-bitcoinotc.csv";
    private const string Alpha = "soc-sign-bitcoin/soc-sign-bitcoinalpha.csv";

    [Theory]
    [InlineData(Otc, 0.80)]
    [InlineData(Alpha, 0.75)]
    public void Endorsement_trust_ranks_net_negatively_rated_users_below_the_rest(string file, double required)
    {
        var report = TrustEvaluation.Run(Read(SharedData.File(file)), ct: TestContext.Current.CancellationToken);

        var table = Table(report);
        TestContext.Current.TestOutputHelper?.WriteLine(table);
        Assert.True(report.Auc(TrustWalk.Endorsements.Name) >= required, table);
        // Propagation adds to merely counting endorsers (the count the seeds are picked by).
        Assert.True(report.Auc(TrustWalk.Endorsements.Name) > report.Auc(TrustEvaluation.EndorsersName) + 0.05, table);
    }

    [Theory]
    [InlineData(Otc, 0.42)]
    [InlineData(Alpha, 0.44)]
    public void Raw_in_degree_ranks_them_worse_than_chance_and_the_structure_only_walk_too(string file, double expectedInDegree)
    {
        var report = TrustEvaluation.Run(Read(SharedData.File(file)), ct: TestContext.Current.CancellationToken);

        var table = Table(report);
        Assert.Equal(expectedInDegree, report.Auc(TrustEvaluation.InDegreeName), 0.01);
        Assert.True(report.Auc(TrustWalk.StructureOnly.Name) < 0.5, table);
        Assert.True(report.Auc(TrustWalk.Endorsements.Name) > report.Auc(TrustWalk.StructureOnly.Name) + 0.3, table);
    }

    [Theory]
    [InlineData(Otc, 5881, 35592)]
    [InlineData(Alpha, 3783, 24186)]
    public void Labels_and_in_degree_auc_match_a_direct_count_over_the_file(string file, int users, int ratings)
    {
        // Independent of TrustLabels and RocAuc: per user, the raters and the rating sum by LINQ, then the AUC as the
        // share of (other, untrusted) pairs ordered rightly, a tie counting one half.
        var rows = Read(SharedData.File(file));
        var received = rows.Where(r => r.Source != r.Target).GroupBy(r => r.Target)
            .Select(g => (Raters: g.Select(r => r.Source).Distinct().Count(), Untrusted: g.Sum(r => r.Rating) < 0))
            .ToList();
        var untrusted = received.Where(r => r.Untrusted).Select(r => r.Raters).ToArray();
        var others = received.Where(r => !r.Untrusted).Select(r => r.Raters).ToArray();
        var wins = 0.0;
        foreach (var o in others)
        {
            foreach (var u in untrusted)
            {
                wins += o > u ? 1 : o == u ? 0.5 : 0;
            }
        }

        var report = TrustEvaluation.Run(rows, ct: TestContext.Current.CancellationToken);

        Assert.Equal(ratings, rows.Count);
        Assert.Equal(users, report.Users);
        Assert.Equal(received.Count, report.Evaluated);
        Assert.Equal(untrusted.Length, report.Untrusted);
        Assert.Equal(wins / ((double)others.Length * untrusted.Length), report.Auc(TrustEvaluation.InDegreeName), 1e-12);
        Assert.Equal(100, report.Seeds.Distinct().Count());
    }

    [Theory]
    [InlineData(Otc, 0.80)]
    [InlineData(Alpha, 0.75)]
    public void Endorsement_trust_clears_the_bar_for_nearby_seed_counts_and_iteration_counts_too(string file, double required)
    {
        // Not a knife edge: a third and three times the seeds, and half of ⌈log₂ n⌉ or 20 iterations, all clear the
        // bar (docs/integrity.md gives the grid).
        var ratings = Read(SharedData.File(file));
        var labels = TrustLabels.From(ratings);
        var log2 = Engine.Trust.SybilRank.DefaultIterations(labels.Count);
        var grid = new List<(string Setting, double Auc)>();
        foreach (var seeds in new[] { 30, 100, 300 })
        {
            foreach (var iterations in new[] { log2 / 2, log2, 20 })
            {
                var result = TrustEvaluation.Walk(
                    labels, ratings, TrustWalk.Endorsements, labels.TopByPositiveRaters(seeds), iterations, ct: TestContext.Current.CancellationToken);
                grid.Add(($"seeds {seeds}, iterations {iterations}", labels.Auc(result.Scores)));
            }
        }

        var table = string.Join("\n", grid.Select(g => $"{g.Setting}: AUC {g.Auc:F4}"));
        TestContext.Current.TestOutputHelper?.WriteLine(table);
        Assert.All(grid, g => Assert.True(g.Auc >= required, table));
    }

    /// <summary>Reads SNAP's signed-rating CSV: <c>SOURCE,TARGET,RATING,TIME</c> per line, no header (see SOURCE.md).</summary>
    internal static List<SignedRating> Read(string path)
    {
        var ratings = new List<SignedRating>();
        var line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            var fields = text.Split(',');
            if (fields.Length != 4)
            {
                throw new FormatException($"{path}:{line}: expected 4 comma-separated fields, found {fields.Length}.");
            }

            ratings.Add(new SignedRating(
                long.Parse(fields[0], CultureInfo.InvariantCulture),
                long.Parse(fields[1], CultureInfo.InvariantCulture),
                double.Parse(fields[2], CultureInfo.InvariantCulture)));
        }

        return ratings;
    }

    private static string Table(TrustEvaluationReport r) =>
        $"users {r.Users}, evaluated {r.Evaluated}, untrusted {r.Untrusted}, seeds {r.Seeds.Count}, iterations {r.Iterations}\n"
        + string.Join("\n", r.Predictors.Select(p => $"{p.Name}: AUC {p.Auc:F4}"));
}
