using Resonance.Application.Scoring;

namespace Resonance.Storage.Scoring;

/// <summary>
/// A draft's rows, checked and ordered for the bulk writers. Each table has two orders to maintain (primary key and one
/// secondary index) and rows can follow only one of them, so rows already in either order are kept as they are (scores by
/// rank and contributions by engager, as <see cref="RunDrafts"/> makes them); only rows in neither order are sorted by key.
/// </summary>
internal static class ScoreRunRows
{
    /// <summary>Scores by account id or by rank; throws <see cref="ArgumentException"/> for a NaN (SQLite would store it as NULL).</summary>
    public static AccountScore[] Scores(ScoreRunDraft run)
    {
        var rows = run.Scores.ToArray();
        foreach (var s in rows)
        {
            RequireNumbers(s.AccountId, s.Score, s.Low, s.High, s.Raw, s.Base, s.Reach, s.Amplification, s.Impact);
        }
        if (!IsSorted(rows, ByAccount) && !IsSorted(rows, (a, b) => a.Rank.CompareTo(b.Rank)))
        {
            Array.Sort(rows, ByAccount);
        }
        return rows;
    }

    /// <summary>Contributions by (account, engager) or by (engager, account); throws <see cref="ArgumentException"/> for a NaN.</summary>
    public static ScoreContribution[] Contributions(ScoreRunDraft run)
    {
        var rows = run.Contributions.ToArray();
        foreach (var c in rows)
        {
            RequireNumbers(c.AccountId, c.Reach, c.Amplification, c.Impact);
        }
        if (!IsSorted(rows, ByAccountThenEngager) && !IsSorted(rows, ByEngagerThenAccount))
        {
            Array.Sort(rows, ByAccountThenEngager);
        }
        return rows;
    }

    /// <summary>Community standings by account id (the primary key's order); empty when the run has no communities.
    /// Throws <see cref="ArgumentException"/> for a NaN centrality.</summary>
    public static Application.Communities.CommunityStanding[] CommunityMembers(Application.Communities.CommunityDraft? communities)
    {
        var rows = communities?.Members.ToArray() ?? [];
        foreach (var m in rows)
        {
            RequireNumbers(m.AccountId, m.Centrality);
        }
        Array.Sort(rows, (a, b) => a.AccountId.CompareTo(b.AccountId));
        return rows;
    }

    private static int ByAccount(AccountScore a, AccountScore b) => a.AccountId.CompareTo(b.AccountId);

    private static int ByAccountThenEngager(ScoreContribution a, ScoreContribution b)
    {
        var c = a.AccountId.CompareTo(b.AccountId);
        return c != 0 ? c : a.EngagerId.CompareTo(b.EngagerId);
    }

    private static int ByEngagerThenAccount(ScoreContribution a, ScoreContribution b)
    {
        var c = a.EngagerId.CompareTo(b.EngagerId);
        return c != 0 ? c : a.AccountId.CompareTo(b.AccountId);
    }

    private static bool IsSorted<T>(T[] rows, Comparison<T> compare)
    {
        for (var i = 1; i < rows.Length; i++)
        {
            if (compare(rows[i - 1], rows[i]) > 0)
            {
                return false;
            }
        }
        return true;
    }

    private static void RequireNumbers(long accountId, params ReadOnlySpan<double> values)
    {
        foreach (var v in values)
        {
            if (double.IsNaN(v))
            {
                throw new ArgumentException($"The run has a NaN in the scores or contributions of account {accountId}; runs store numbers only.");
            }
        }
    }
}
