namespace Resonance.Application.Synthetic;

/// <summary>A niche: a narrow subject under one of the built-in topics, a leaf of the bundled taxonomy
/// (<c>taxonomy/topics.tsv</c>, with the same aliases), that planted topic experts specialise in.</summary>
/// <param name="Name">The taxonomy topic's name, for example <c>goalkeeping</c>.</param>
/// <param name="Parent">The built-in topic it belongs to (<see cref="SyntheticTopic.Name"/>), its parent in the taxonomy.</param>
/// <param name="Keywords">Noun phrases used in post text; none of them occurs in any other generated text.</param>
/// <param name="Hashtags">Hashtags used with the niche (lower case, without '#').</param>
public sealed record SyntheticNiche(string Name, string Parent, IReadOnlyList<string> Keywords, IReadOnlyList<string> Hashtags);

/// <summary>The fixed niches of the synthetic generator: three under each built-in topic.</summary>
/// <remarks>Changing the list changes the generated texts, so treat it as part of the generator's version. Every niche is
/// also a line of the bundled taxonomy, and <c>SyntheticNicheTests</c> checks that each niche's vocabulary is extracted as
/// that niche (and its ancestors) and that no other generated text is.</remarks>
public static class SyntheticNiches
{
    /// <summary>Niches in a fixed order: three per topic, in the order of <see cref="SyntheticVocabulary.Topics"/>.</summary>
    public static IReadOnlyList<SyntheticNiche> All { get; } =
    [
        new("ai-interpretability", "ai", ["mechanistic interpretability", "sparse autoencoders", "attention head circuits", "probing classifiers"], ["interpretability", "mechinterp"]),
        new("robot-learning", "ai", ["robot learning", "sim-to-real transfer", "dexterous manipulation", "imitation learning"], ["robotlearning", "embodiedai"]),
        new("speech-recognition", "ai", ["speech recognition", "speaker diarization", "wake word detection", "acoustic models"], ["speechrecognition", "speechtech"]),
        new("ocean-science", "climate", ["ocean heat content", "coral bleaching", "marine heatwaves", "Argo floats"], ["oceanscience", "coralreefs"]),
        new("glaciology", "climate", ["glacier retreat", "ice sheet mass balance", "permafrost thaw", "sea ice extent"], ["glaciers", "cryosphere"]),
        new("climate-adaptation", "climate", ["flood defences", "urban tree canopy", "cooling centres", "drought planning"], ["floodrisk", "heatresilience"]),
        new("goalkeeping", "football", ["goalkeeper distribution", "shot stopping", "sweeper keepers", "penalty saves"], ["goalkeeper", "gkunion"]),
        new("womens-football", "football", ["the Women's Super League", "women's football attendances", "the Lionesses", "NWSL rosters"], ["wsl", "nwsl"]),
        new("football-analytics", "football", ["expected goals models", "progressive passes", "pressing intensity metrics", "shot maps"], ["xg", "footballdata"]),
        new("jazz-guitar", "jazz", ["archtop guitars", "chord melody", "Django Reinhardt licks", "comping patterns"], ["gypsyjazz", "archtop"]),
        new("free-jazz", "jazz", ["free improvisation", "the loft scene", "Ornette Coleman's harmolodics", "avant-garde sessions"], ["avantjazz", "harmolodics"]),
        new("jazz-vocals", "jazz", ["scat singing", "vocal standards", "Ella Fitzgerald songbooks", "jazz vocalists"], ["jazzsinger", "scatsinging"]),
        new("bitcoin-mining", "crypto", ["hashrate difficulty", "mining pools", "ASIC efficiency", "miner revenue"], ["hashrate", "asicminer"]),
        new("nft-art", "crypto", ["generative art drops", "on-chain art", "NFT royalties", "digital collectibles"], ["cryptoart", "genart"]),
        new("zero-knowledge-proofs", "crypto", ["zero knowledge proofs", "zk rollups", "proof systems", "SNARK circuits"], ["zkp", "zkrollups"]),
        new("bonsai", "gardening", ["bonsai wiring", "root pruning", "juniper deadwood", "bonsai pots"], ["bonsaitree", "niwaki"]),
        new("beekeeping", "gardening", ["hive inspections", "swarm control", "queen rearing", "honey harvests"], ["honeybees", "apiary"]),
        new("permaculture", "gardening", ["food forests", "swale digging", "guild planting", "no-dig beds"], ["nodig", "foodforest"]),
        new("exoplanets", "astronomy", ["transit photometry", "hot Jupiters", "habitable zone planets", "radial velocity surveys"], ["exoplanet", "habitablezone"]),
        new("solar-observing", "astronomy", ["sunspot groups", "solar prominences", "hydrogen-alpha filters", "solar flares"], ["sunspots", "halpha"]),
        new("radio-astronomy", "astronomy", ["radio telescopes", "pulsar timing", "fast radio bursts", "interferometry arrays"], ["pulsars", "fastradiobursts"]),
        new("pastry", "cooking", ["laminated dough", "croissant lamination", "choux buns", "tart shells"], ["patisserie", "croissants"]),
        new("barbecue", "cooking", ["low and slow brisket", "smoker temperatures", "dry rubs", "burnt ends"], ["bbq", "lowandslow"]),
        new("plant-based-cooking", "cooking", ["plant-based proteins", "tofu pressing", "aquafaba", "cashew cream"], ["plantbasedrecipes", "tofu"]),
        new("electoral-reform", "politics", ["proportional representation", "ranked choice ballots", "boundary reviews", "citizens' assemblies"], ["electoralreform", "rankedchoice"]),
        new("local-government", "politics", ["council budgets", "planning committees", "ward by-elections", "bin collection contracts"], ["localgov", "councils"]),
        new("foreign-policy", "politics", ["sanctions regimes", "trade negotiations", "embassy briefings", "treaty ratification"], ["diplomacy", "geopolitics"]),
        new("tabletop-rpgs", "gaming", ["dungeon masters", "character sheets", "one-shot adventures", "homebrew campaigns"], ["ttrpg", "dnd"]),
        new("game-modding", "gaming", ["mod loaders", "texture packs", "total conversion mods", "modding tools"], ["modding", "gamemods"]),
        new("fighting-games", "gaming", ["frame data", "combo routes", "rollback netcode", "arcade sticks"], ["fgc", "streetfighter"]),
        new("macro-photography", "photography", ["macro lenses", "focus stacking", "insect close-ups", "ring flashes"], ["macrophoto", "focusstacking"]),
        new("wildlife-photography", "photography", ["birds in flight", "long telephoto lenses", "hide setups", "wildlife blinds"], ["birdphotography", "wildlifephoto"]),
        new("darkroom-printing", "photography", ["darkroom printing", "enlarger setups", "fibre paper prints", "split grade printing"], ["darkroom", "analogprint"]),
        new("track-running", "running", ["800m repeats", "spikes season", "indoor track meets", "lane one etiquette"], ["trackandfield", "trackrunning"]),
        new("barefoot-running", "running", ["minimalist shoes", "forefoot striking", "barefoot drills", "zero drop soles"], ["minimalistrunning", "barefoot"]),
        new("fell-running", "running", ["fell races", "hill reps", "bog crossings", "mountain navigation"], ["skyrunning", "fellrace"]),
    ];

    /// <summary>Indexes into <see cref="All"/> of the niches under each topic, by topic id (<see cref="SyntheticVocabulary.Topics"/> order).</summary>
    public static IReadOnlyList<int[]> ByTopic { get; } =
        [.. SyntheticVocabulary.Topics.Select(t => Enumerable.Range(0, All.Count).Where(n => All[n].Parent == t.Name).ToArray())];
}
