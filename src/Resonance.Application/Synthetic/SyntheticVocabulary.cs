namespace Resonance.Application.Synthetic;

/// <summary>One built-in topic: a name, phrases that posts about it use, and its hashtags (lower case, without '#').</summary>
/// <param name="Name">Short lower-case name, for example <c>astronomy</c>.</param>
/// <param name="Keywords">Noun phrases used in post text.</param>
/// <param name="Hashtags">Hashtags used with the topic.</param>
/// <param name="Popularity">Relative weight when communities pick their topics.</param>
public sealed record SyntheticTopic(string Name, IReadOnlyList<string> Keywords, IReadOnlyList<string> Hashtags, double Popularity);

/// <summary>The fixed word lists of the synthetic generator: topics, name syllables and text templates.</summary>
/// <remarks>Changing any list changes every generated dataset, so treat them as part of the generator's version.</remarks>
public static class SyntheticVocabulary
{
    /// <summary>The twelve built-in topics, in a fixed order (the index is the topic id).</summary>
    public static IReadOnlyList<SyntheticTopic> Topics { get; } =
    [
        new("ai", ["large language models", "neural networks", "fine-tuning", "benchmarks", "open weights", "inference costs", "AI safety", "embeddings", "transformers", "agents"],
            ["ai", "machinelearning", "llm", "deeplearning", "genai", "mlops", "nlp", "datascience", "aisafety", "opensource"], 1.6),
        new("climate", ["heat records", "carbon pricing", "heat pumps", "sea level rise", "solar capacity", "wildfire season", "grid storage", "emissions data"],
            ["climate", "climatechange", "netzero", "renewables", "solar", "energytransition", "climateaction", "sustainability"], 1.1),
        new("football", ["the title race", "the transfer window", "set pieces", "high pressing", "the derby", "VAR decisions", "the back four", "injury news"],
            ["football", "premierleague", "laliga", "ucl", "transfers", "matchday", "soccer", "epl", "var"], 1.7),
        new("jazz", ["bebop", "modal jazz", "walking bass lines", "the new Blue Note reissue", "big band arrangements", "improvisation", "live sessions", "vinyl pressings"],
            ["jazz", "jazzmusic", "bebop", "vinyl", "livemusic", "saxophone", "jazzpiano", "nowplaying"], 0.6),
        new("crypto", ["layer 2 fees", "self custody", "staking yields", "stablecoins", "the halving", "on-chain data", "smart contract audits", "ETF flows"],
            ["crypto", "bitcoin", "ethereum", "defi", "web3", "btc", "blockchain", "stablecoins"], 1.0),
        new("gardening", ["tomato seedlings", "compost", "raised beds", "pruning roses", "native plants", "seed saving", "slug control", "winter sowing"],
            ["gardening", "gardenchat", "growyourown", "compost", "nativeplants", "allotment", "seedsaving", "homegrown"], 0.8),
        new("astronomy", ["the Orion Nebula", "the moons of Jupiter", "dark skies", "the next eclipse", "JWST images", "meteor showers", "variable stars", "astrophotography rigs"],
            ["astronomy", "space", "astrophotography", "jwst", "nightsky", "eclipse", "stargazing", "telescope"], 0.7),
        new("cooking", ["sourdough", "weeknight dinners", "cast iron", "fermentation", "knife skills", "braising", "spice blends", "meal prep"],
            ["cooking", "recipes", "sourdough", "foodie", "homecooking", "mealprep", "baking", "fermentation"], 1.2),
        new("politics", ["the budget vote", "polling averages", "local elections", "housing policy", "the debate", "voter turnout", "coalition talks", "tax reform"],
            ["politics", "election", "polls", "policy", "housing", "budget", "democracy", "vote"], 1.5),
        new("gaming", ["speedruns", "the new patch", "indie games", "boss fights", "co-op campaigns", "retro consoles", "game design", "the esports finals"],
            ["gaming", "indiegames", "speedrun", "esports", "retrogaming", "gamedev", "pcgaming", "nintendo"], 1.4),
        new("photography", ["golden hour", "street photography", "prime lenses", "film stocks", "long exposures", "portrait lighting", "editing workflows", "composition"],
            ["photography", "streetphotography", "filmphotography", "landscape", "portrait", "goldenhour", "photooftheday", "35mm"], 0.9),
        new("running", ["marathon training", "tempo runs", "trail races", "recovery days", "running shoes", "5k personal bests", "interval sessions", "ultra running"],
            ["running", "marathon", "trailrunning", "runchat", "5k", "ultrarunning", "strava", "parkrun"], 0.8),
    ];

    internal static readonly string[] NameSyllables =
    [
        "a", "ba", "da", "el", "fa", "ga", "ha", "i", "ja", "ka", "la", "ma", "na", "o", "pa", "ra", "sa", "ta", "u", "va",
        "ya", "za", "mi", "lo", "ri", "ne", "to", "shi", "ko", "li", "ren", "an", "is", "mo", "su", "vi", "de", "ro", "ni", "ti",
        "bel", "cor", "dan", "fin", "jo", "kel", "mar", "nor", "pel", "sol", "tam", "wen",
    ];

    internal static readonly string[] SurnameEndings = ["", "", "", "son", "ez", "ova", "er", "ski", "ini", "ard", "berg", "ley", "ton", "ic"];

    internal static readonly string[] Openers =
    [
        "Thinking a lot about", "Hot take on", "New blog post on", "Anyone else obsessed with", "Some notes on", "Quick thread on",
        "Still not over", "A short guide to", "Unpopular opinion about", "What I learned about", "Reading up on", "Can we talk about",
        "Finally wrote up my thoughts on", "Three things nobody tells you about", "Weekend project:", "Good news on",
    ];

    internal static readonly string[] Closers =
    [
        ".", "!", "?", " today.", " - thoughts?", " this week.", ", and it keeps getting better.", " is underrated.", " (thread below).",
        " needs more attention.", " changed my mind.", ". More soon.",
    ];

    internal static readonly string[] ReplyOpeners =
    [
        "Great point on", "Not sure I agree about", "This is so true about", "Thanks for sharing this on", "Been saying this about",
        "Interesting take on", "Do you have a source on", "Love this thread on", "Counterpoint on", "Saving this, especially the part on",
    ];

    internal static readonly string[] QuoteOpeners =
    [
        "Worth reading on", "This, on", "Strong disagree on", "Bookmarking for later:", "Best explanation I have seen of",
        "Everyone should read this on", "Adding context on",
    ];

    internal static readonly string[] SpamItems = ["tokens", "sneakers", "gift cards", "phones", "followers", "skins", "NFTs", "airpods"];

    // Bot campaigns: each bot belongs to one and varies its template only slightly, giving near-duplicate texts.
    internal static readonly string[] SpamTemplates =
    [
        "Huge giveaway! Claim your free {item} now at win-{n}.example #giveaway #free",
        "Earn {n}% daily with our {item} signals, DM me now #crypto #profit",
        "Check out my profile for exclusive {item} content {n} #follow #like4like",
        "Best deals on {item} today only, code SAVE{n}, link in bio #deals #sale",
    ];

    internal static readonly string[] SpamReplies =
    [
        "Nice post! Check my profile {n}", "Great content, follow me for more {n}", "So true! DM me for {item}",
        "Wow! Get free {item} at win-{n}.example",
    ];

    internal static readonly string[] FarmTemplates =
    [
        "Follow me and I follow back! {n} #followback #f4f #teamfollowback",
        "Gaining followers fast, everyone who follows gets a follow back {n} #followback #f4f",
        "New here, follow for follow {n} #f4f #followforfollow",
    ];

    // Relative posting activity by local hour 0..23: low at night, a lunchtime bump, an evening peak.
    internal static readonly double[] HourlyActivity =
    [
        0.6, 0.4, 0.3, 0.25, 0.25, 0.35, 0.7, 1.2, 1.6, 1.7, 1.6, 1.6, 1.8, 1.7, 1.6, 1.6, 1.7, 1.9, 2.2, 2.5, 2.6, 2.4, 1.8, 1.1,
    ];
}
