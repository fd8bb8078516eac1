using CsCheck;
using Resonance.Application.Scoring;
using Resonance.Domain;

namespace Resonance.Application.Tests.Scoring;

/// <summary>resonance@5's leave-one-out tempo and its ladder (docs/scoring.md, "resonance@5").</summary>
public sealed class LeaveOneOutTempoTests
{
    private const long T0 = 1_700_000_000_000;
    private const long Minute = 60_000;

    /// <summary>Small random inputs: 12 accounts, up to 150 interactions over 10 hours (ties in time included,
    /// self-interactions and repeats included), so that the minimum of 3 engagers is crossed both ways.</summary>
    private static readonly Gen<(long Actor, long Target, long Time)[]> Rows =
        Gen.Select(Gen.Long[1, 12], Gen.Long[1, 12], Gen.Long[0, 600]).Select(r => (r.Item1, r.Item2, T0 + (r.Item3 * Minute))).Array[0, 150];

    [Fact]
    public void Tau_without_an_account_is_the_fit_on_the_rows_without_its_actions()
    {
        Rows.Sample(rows =>
        {
            var input = Input(rows);
            var fit = LeaveOneOutTempo.Fit(input, T0, T0 + (600 * Minute), 3);
            Assert.Equal(TempoFit.AudienceHalfTimeMs(input, T0, T0 + (600 * Minute), 3), (fit.HalfTimeMs, fit.Accounts));
            for (long a = 1; a <= 12; a++)
            {
                var without = Input([.. rows.Where(r => r.Actor != a)]);
                Assert.Equal(TempoFit.AudienceHalfTimeMs(without, T0, T0 + (600 * Minute), 3), fit.For(a));
            }
        }, iter: 2_000);
    }

    [Fact]
    public void An_accounts_own_actions_never_move_its_own_tempo()
    {
        Gen.Select(Rows, Gen.Long[1, 12], Gen.Select(Gen.Long[1, 12], Gen.Long[0, 600]).Array[1, 40]).Sample((rows, a, extra) =>
        {
            var before = LeaveOneOutTempo.Fit(Input(rows), T0, T0 + (600 * Minute), 3).For(a);
            var more = Input([.. rows, .. extra.Select(e => (a, e.Item1, T0 + (e.Item2 * Minute)))]);
            Assert.Equal(before, LeaveOneOutTempo.Fit(more, T0, T0 + (600 * Minute), 3).For(a));
        }, iter: 2_000);
    }

    [Theory]
    [InlineData(0L, 0)]                // below a minute: the first rung
    [InlineData(Minute, 0)]            // 2^0 minutes
    [InlineData(2 * Minute, 8)]        // a doubling is eight rungs
    [InlineData(52 * Minute, 46)]      // 8·log2(52) = 45.6: the nearest rung, 53.8 minutes
    [InlineData(400 * 1440 * Minute, 135)] // never above the 90-day window: 8·log2(129,600 minutes) = 135.9, rounded down
    public void Half_lives_snap_to_the_nearest_rung_of_the_ladder(long ms, int rung)
    {
        var window = 90 * 1440 * Minute;
        Assert.Equal(rung, TempoLadder.Rung(ms, window));
        Assert.Equal(Math.Pow(2, rung / 8.0) / 1440, TempoLadder.HalfLifeDays(rung));
    }

    private static ScoringInput Input((long Actor, long Target, long Time)[] rows) =>
        ScoringInputs.Of([.. rows.Select(r => (r.Actor, r.Target, InteractionKind.Repost, r.Time))]);
}
