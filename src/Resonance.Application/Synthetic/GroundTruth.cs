using System.Globalization;
using System.Text.Json;

namespace Resonance.Application.Synthetic;

/// <summary>One planted community: who is in it and what it talks about.</summary>
/// <param name="Id">Community id, 0..n−1.</param>
/// <param name="Topics">Topic names (1–3), the first being the main one.</param>
/// <param name="MemberIds">External ids of the members, in account order.</param>
public sealed record CommunityTruth(int Id, IReadOnlyList<string> Topics, IReadOnlyList<string> MemberIds);

/// <summary>A planted topic expert (a hidden gem): few followers, a tight community, strong engagement on one topic, whose
/// posts on it are about one niche.</summary>
/// <param name="AccountId">External id of the expert.</param>
/// <param name="Topic">The topic the expert posts about most of the time.</param>
/// <param name="CommunityId">The community the expert and most of their followers belong to.</param>
/// <param name="Niche">The niche under <paramref name="Topic"/> that the expert's posts on it are about: a leaf topic of the
/// bundled taxonomy (<see cref="SyntheticNiches"/>), on which the expert is among the leading voices.</param>
public sealed record TopicExpertTruth(string AccountId, string Topic, int CommunityId, string Niche);

/// <summary>What the synthetic generator planted, known before any record is produced; the answer key for integrity tests.</summary>
/// <remarks>
/// All id lists are in account order (u0, u1, …), so the JSON form is byte-identical for identical options.
/// Bots and farm accounts belong to no community; the farm hub, pod members and experts are ordinary community members.
/// </remarks>
public sealed record GroundTruth
{
    /// <summary>Identifies the newest generator model; bumped whenever the same options would produce different records.</summary>
    public const string GeneratorVersion = "resonance-synthetic/3";

    /// <summary>The generator model that produced these records (<see cref="SyntheticOptions.Version"/>).</summary>
    public string Generator => Name(Options.Version);

    private static string Name(int version) => "resonance-synthetic/" + version.ToString(CultureInfo.InvariantCulture);

    /// <summary>The options used (with derived values resolved in the JSON form).</summary>
    public required SyntheticOptions Options { get; init; }

    /// <summary>Bot accounts: bursty, inhuman rates, unselective likes, near-duplicate texts, mass following.</summary>
    public required IReadOnlyList<string> Bots { get; init; }

    /// <summary>Members of the engagement pod: they follow each other and engage with each other's posts nearly always, within minutes.</summary>
    public required IReadOnlyList<string> PodMembers { get; init; }

    /// <summary>The account whose follower count the farm inflates; null when no farm was planted.</summary>
    public required string? FarmHub { get; init; }

    /// <summary>Follow-back farm accounts (hub not included): they follow each other, the hub and many people, and follow back.</summary>
    public required IReadOnlyList<string> FarmAccounts { get; init; }

    /// <summary>Planted topic experts, each with their topic.</summary>
    public required IReadOnlyList<TopicExpertTruth> TopicExperts { get; init; }

    /// <summary>External ids of the hidden gems: exactly the topic experts' accounts.</summary>
    public IReadOnlyList<string> HiddenGems => [.. TopicExperts.Select(e => e.AccountId)];

    /// <summary>The planted communities, by id.</summary>
    public required IReadOnlyList<CommunityTruth> Communities { get; init; }

    /// <summary>Writes the truth as indented UTF-8 JSON. The output depends only on the contents, so identical options give identical bytes.</summary>
    public void WriteJson(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        var o = Options;
        w.WriteStartObject();
        w.WriteString("generator", Generator);
        w.WriteStartObject("options");
        w.WriteNumber("people", o.People);
        w.WriteNumber("seed", o.Seed);
        w.WriteString("start", o.Start.ToString("O", CultureInfo.InvariantCulture));
        w.WriteNumber("days", o.Days);
        w.WriteString("network", o.Network);
        w.WriteNumber("communities", o.ResolvedCommunities);
        w.WriteNumber("communitySizeExponent", o.CommunitySizeExponent);
        w.WriteNumber("meanFollowing", o.MeanFollowing);
        w.WriteNumber("crossCommunityFollowFraction", o.CrossCommunityFollowFraction);
        w.WriteNumber("meanPostsPerPerson", o.MeanPostsPerPerson);
        w.WriteNumber("engagementRate", o.EngagementRate);
        w.WriteNumber("botFraction", o.BotFraction);
        w.WriteNumber("minBots", o.MinBots);
        w.WriteNumber("botActionsPerDay", o.BotActionsPerDay);
        w.WriteNumber("botPostsPerDay", o.BotPostsPerDay);
        w.WriteNumber("botFollowing", o.BotFollowing);
        w.WriteNumber("podSize", o.PodSize);
        w.WriteNumber("farmSize", o.ResolvedFarmSize);
        w.WriteNumber("farmFollowing", o.FarmFollowing);
        w.WriteNumber("farmFollowBackProbability", o.FarmFollowBackProbability);
        w.WriteNumber("experts", o.ResolvedExperts);
        w.WriteEndObject();
        WriteIds(w, "bots", Bots);
        WriteIds(w, "podMembers", PodMembers);
        if (FarmHub is null)
        {
            w.WriteNull("farmHub");
        }
        else
        {
            w.WriteString("farmHub", FarmHub);
        }
        WriteIds(w, "farmAccounts", FarmAccounts);
        WriteIds(w, "hiddenGems", HiddenGems);
        w.WriteStartArray("topicExperts");
        foreach (var e in TopicExperts)
        {
            w.WriteStartObject();
            w.WriteString("accountId", e.AccountId);
            w.WriteString("topic", e.Topic);
            w.WriteNumber("communityId", e.CommunityId);
            w.WriteString("niche", e.Niche);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("communities");
        foreach (var c in Communities)
        {
            w.WriteStartObject();
            w.WriteNumber("id", c.Id);
            w.WriteNumber("size", c.MemberIds.Count);
            WriteIds(w, "topics", c.Topics);
            WriteIds(w, "memberIds", c.MemberIds);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Reads truth written by <see cref="WriteJson"/>.</summary>
    /// <exception cref="JsonException">The JSON is malformed or lacks a required property.</exception>
    public static GroundTruth ReadJson(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var doc = JsonDocument.Parse(stream);
        var root = doc.RootElement;
        try
        {
            var generator = root.GetProperty("generator").GetString();
            var version = generator == Name(2) ? 2 : generator == GeneratorVersion ? SyntheticOptions.CurrentVersion : 0;
            if (version == 0)
            {
                throw new JsonException($"Ground truth was written by '{generator}', but this build reads '{Name(2)}' and '{GeneratorVersion}'.");
            }
            var o = root.GetProperty("options");
            var options = new SyntheticOptions
            {
                Version = version,
                People = o.GetProperty("people").GetInt32(),
                Seed = o.GetProperty("seed").GetUInt64(),
                Start = DateTimeOffset.Parse(o.GetProperty("start").GetString()!, CultureInfo.InvariantCulture),
                Days = o.GetProperty("days").GetInt32(),
                Network = o.GetProperty("network").GetString()!,
                Communities = o.GetProperty("communities").GetInt32(),
                CommunitySizeExponent = o.GetProperty("communitySizeExponent").GetDouble(),
                MeanFollowing = o.GetProperty("meanFollowing").GetDouble(),
                CrossCommunityFollowFraction = o.GetProperty("crossCommunityFollowFraction").GetDouble(),
                MeanPostsPerPerson = o.GetProperty("meanPostsPerPerson").GetDouble(),
                EngagementRate = o.GetProperty("engagementRate").GetDouble(),
                BotFraction = o.GetProperty("botFraction").GetDouble(),
                MinBots = o.GetProperty("minBots").GetInt32(),
                BotActionsPerDay = o.GetProperty("botActionsPerDay").GetDouble(),
                BotPostsPerDay = o.GetProperty("botPostsPerDay").GetDouble(),
                BotFollowing = o.GetProperty("botFollowing").GetDouble(),
                PodSize = o.GetProperty("podSize").GetInt32(),
                FarmSize = o.GetProperty("farmSize").GetInt32(),
                FarmFollowing = o.GetProperty("farmFollowing").GetDouble(),
                FarmFollowBackProbability = o.GetProperty("farmFollowBackProbability").GetDouble(),
                Experts = o.GetProperty("experts").GetInt32(),
            };
            var hub = root.GetProperty("farmHub");
            return new GroundTruth
            {
                Options = options,
                Bots = ReadIds(root, "bots"),
                PodMembers = ReadIds(root, "podMembers"),
                FarmHub = hub.ValueKind == JsonValueKind.Null ? null : hub.GetString(),
                FarmAccounts = ReadIds(root, "farmAccounts"),
                TopicExperts = [.. root.GetProperty("topicExperts").EnumerateArray().Select(e => new TopicExpertTruth(
                    e.GetProperty("accountId").GetString()!, e.GetProperty("topic").GetString()!, e.GetProperty("communityId").GetInt32(),
                    e.GetProperty("niche").GetString()!))],
                Communities = [.. root.GetProperty("communities").EnumerateArray().Select(c => new CommunityTruth(
                    c.GetProperty("id").GetInt32(), ReadIds(c, "topics"), ReadIds(c, "memberIds")))],
            };
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new JsonException($"Ground truth JSON is not in the expected shape: {e.Message}", e);
        }
    }

    private static void WriteIds(Utf8JsonWriter w, string name, IReadOnlyList<string> ids)
    {
        w.WriteStartArray(name);
        foreach (var id in ids)
        {
            w.WriteStringValue(id);
        }
        w.WriteEndArray();
    }

    private static string[] ReadIds(JsonElement parent, string name) =>
        [.. parent.GetProperty(name).EnumerateArray().Select(e => e.GetString()!)];
}
