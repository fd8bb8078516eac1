using System.Collections.ObjectModel;

namespace Resonance.Application.Scoring;

/// <summary>
/// The fixed ladder resonance@5 snaps every fitted half-life to: rung k is a half-life of 2^(k/8) minutes (eight rungs
/// per doubling, about 9% apart), so that the per-account half-lives τ₋A fall on a handful of values and the graph is
/// scored once per value.
/// </summary>
/// <remarks>A half-life τ (clamped to at least one minute and at most the window) goes to the nearest rung on a log scale,
/// k = round(8·log₂(τ / 1 min)), never above the window's own rung. The rounding moves τ by at most 4.4%. Complexity O(1);
/// deterministic (integer milliseconds in, one rounding).</remarks>
public static class TempoLadder
{
    /// <summary>Rungs per doubling of the half-life.</summary>
    public const int RungsPerDoubling = 8;

    private const double MinuteMs = 60_000;

    /// <summary>The rung of a half-life of <paramref name="halfLifeMs"/> in a window of <paramref name="windowMs"/>.</summary>
    public static int Rung(long halfLifeMs, long windowMs)
    {
        var top = (int)Math.Floor(RungsPerDoubling * Math.Log2(Math.Max(MinuteMs, windowMs) / MinuteMs));
        var k = (int)Math.Round(RungsPerDoubling * Math.Log2(Math.Max(MinuteMs, halfLifeMs) / MinuteMs), MidpointRounding.AwayFromZero);
        return Math.Clamp(k, 0, top);
    }

    /// <summary>The half-life of rung <paramref name="rung"/>, in days.</summary>
    public static double HalfLifeDays(int rung) => Math.Pow(2, rung / (double)RungsPerDoubling) / 1440;
}

/// <summary>One rung of a resonance@5 run: the half-life some accounts were scored with, how many, and (for every rung
/// but the run's main one) which accounts and the calibration their scores were read through.</summary>
/// <param name="Rung">The rung on <see cref="TempoLadder"/>.</param>
/// <param name="HalfLifeDays">Its half-life in days.</param>
/// <param name="Accounts">Scored accounts whose own tempo τ₋A fell on it.</param>
public sealed record TempoRung(int Rung, double HalfLifeDays, int Accounts)
{
    /// <summary>The scored accounts on this rung, ascending; null on the main rung (every account not listed elsewhere).</summary>
    public long[]? AccountIds { get; init; }

    /// <summary>The reference quantiles of this rung's population (every engaged account scored with this half-life);
    /// null on the main rung, whose quantiles are the run's own.</summary>
    public double[]? CalibrationQuantiles { get; init; }

    /// <summary>Equal when every field is, arrays element by element.</summary>
    public bool Equals(TempoRung? other) =>
        other is not null && Rung == other.Rung && HalfLifeDays.Equals(other.HalfLifeDays) && Accounts == other.Accounts
        && Same(AccountIds, other.AccountIds) && Same(CalibrationQuantiles, other.CalibrationQuantiles);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Rung, Accounts);

    private static bool Same<T>(T[]? a, T[]? b) => a is null ? b is null : b is not null && a.AsSpan().SequenceEqual(b);
}

/// <summary>The rungs of a run, by rung; equal when their elements are (so that parameters compare by value).</summary>
public sealed class TempoRungList : Collection<TempoRung>, IEquatable<TempoRungList>
{
    /// <summary>An empty list (for deserialisation).</summary>
    public TempoRungList()
    {
    }

    /// <summary>A list of <paramref name="rungs"/>.</summary>
    public TempoRungList(IList<TempoRung> rungs)
        : base(rungs)
    {
    }

    /// <summary>The main rung (the one without an account list).</summary>
    public TempoRung Main => this.Single(r => r.AccountIds is null);

    /// <summary>The rung <paramref name="accountId"/> was scored on.</summary>
    public TempoRung Of(long accountId) =>
        this.FirstOrDefault(r => r.AccountIds is { } ids && Array.BinarySearch(ids, accountId) >= 0) ?? Main;

    /// <inheritdoc/>
    public bool Equals(TempoRungList? other) => other is not null && this.SequenceEqual(other);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as TempoRungList);

    /// <inheritdoc/>
    public override int GetHashCode() => Count;
}
