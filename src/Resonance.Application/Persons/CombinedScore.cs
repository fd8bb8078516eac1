namespace Resonance.Application.Persons;

/// <summary>A person's combined score and how each network makes it up.</summary>
/// <param name="Score">The combined score, 1–100.</param>
/// <param name="Low">Lower end: the same networks combined from their lows.</param>
/// <param name="High">Upper end: the same networks combined from their highs.</param>
/// <param name="Networks">Every scored network, by name; those left out of the best count have <see cref="NetworkPart.Counted"/> false.</param>
public sealed record CombinedScore(double Score, double Low, double High, IReadOnlyList<NetworkPart> Networks);

/// <summary>One network's part in a combined score.</summary>
/// <param name="Network">The network.</param>
/// <param name="Score">The network's own score (its accounts combined), as its run has it.</param>
/// <param name="Low">Its lower end.</param>
/// <param name="High">Its upper end.</param>
/// <param name="Counted">Whether it is in the combination (false when counting it would only count engagers twice).</param>
/// <param name="CountedScore">Its score once duplicate engagers counted on another network are taken out.</param>
/// <param name="CountedLow">The lower end of that.</param>
/// <param name="CountedHigh">The upper end of that.</param>
/// <param name="Contribution">Points of the combined score owed to it; the contributions add up to the combined score.</param>
/// <param name="Removed">Members who engaged the person here and on other networks, counted on another network only.</param>
public sealed record NetworkPart(string Network, double Score, double Low, double High, bool Counted, double CountedScore,
    double CountedLow, double CountedHigh, double Contribution, IReadOnlyList<DuplicateEngager> Removed);

/// <summary>A member who engaged the person on several networks, and where they are counted.</summary>
/// <param name="UserId">The member.</param>
/// <param name="KeptOn">The network where they are counted: where their engagement is worth most points.</param>
/// <param name="PointsHere">Points of this network's score owed to them (taken out).</param>
/// <param name="PointsKept">Points of <paramref name="KeptOn"/>'s score owed to them (kept).</param>
public sealed record DuplicateEngager(string UserId, string KeptOn, double PointsHere, double PointsKept);
