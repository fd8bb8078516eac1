using Resonance.Application.Topics;

namespace Resonance.Application.Tests.Topics;

/// <summary>
/// Topics of known posts in the real samples (shared/data), read through the real readers. Each expectation comes from
/// reading the post's text in the raw file (quoted in the test) and deciding what it is about, not from running the extractor.
/// </summary>
public class TopicRealDataTests
{
    private static readonly TopicExtractor Extractor = new(TopicTaxonomy.BuiltIn);

    private static readonly Lazy<List<Domain.Post>> Archive = new(() => SamplePosts.Read("twitter-archive", "twitter-archive-sample/"));

    [Theory]
    // "RT @AngularCamp: Yay! The schedule and sessions are set ✨🚀 Check out what you'll get at @AngularCamp! #Angular #JavaScript"
    [InlineData("872550040186888195", "web-development,software-development,technology")]
    // "Working with #git? These aliases will save you hours!"
    [InlineData("71658707989180417", "software-development,technology")]
    // "RT @pixelarts: #contao sollte #jquery per default unterstützen!"
    [InlineData("83092271658057728", "web-development,software-development,technology")]
    // "Good morning #LeadDevBerlin 👋" — an event, about nothing in the taxonomy.
    [InlineData("1588091220244369409", "")]
    // "Chatbox: free Mac app for project collaboration inside Dropbox - http://chatboxapp.com #useful"
    [InlineData("73784154306772992", "")]
    public void TwitterArchive_KnownTweets(string id, string expected) =>
        Assert.Equal(Split(expected), Extractor.Topics(Archive.Value.ById(id)));

    [Fact]
    public void TwitterApiV2_BrexitTweet_IsUkPoliticsFromHashtagsAndKeywords()
    {
        // "The same Labour MPs that were happy to cite party members wanting a #PeoplesVote to pressure Corbyn into changing
        // Labour's #Brexit policy ..."
        var post = SamplePosts.Read("twitter-api-v2", "twitter-api-samples/v2-twarc/brexit.jsonl").First(p => p.ExternalId == "1440716895355764743");

        Assert.Equal(["uk-politics", "politics"], Extractor.Topics(post));
        var evidence = Extractor.Matches(post);
        Assert.Contains(new TopicMatch("uk-politics", TopicEvidenceKind.Hashtag, "brexit"), evidence);
        Assert.Contains(new TopicMatch("uk-politics", TopicEvidenceKind.Keyword, "corbyn"), evidence);
    }

    [Fact]
    public void TwitterApiV2_KpopTweet_IsKpop()
    {
        // "RT @koreatimescokr: #Kpop girl group #BLACKPINK's #Lisa made it onto the #BillboardHot100 songs chart ..."
        var post = SamplePosts.Read("twitter-api-v2", "twitter-api-samples/v2-twarc/kpop.jsonl").First(p => p.ExternalId == "1440717145042653184");

        Assert.Equal(["kpop", "music"], Extractor.Topics(post));
    }

    [Fact]
    public void TwitterApiV2_Kpop_UnknownTagsUsedByThreeAuthorsAreCandidates()
    {
        // Counted in the raw file (tweets and included tweets, retweets left out): #lisa 4 posts by 4 authors, #kdrama 3/3,
        // #lalisa 3/3; #blackpink (5/5) and #bts (3/3) are known; #잇츠라이브 has 5 posts but only 2 authors.
        var posts = SamplePosts.Read("twitter-api-v2", "twitter-api-samples/v2-twarc/kpop.jsonl");

        var candidates = TopicCandidates.Find(posts, Extractor, new CandidateOptions(MinPosts: 3, MinAuthors: 3));

        Assert.Equal(["#lisa", "#kdrama", "#lalisa"], candidates.Select(c => c.Tag));
        Assert.Equal((4, 4), (candidates[0].Posts, candidates[0].Authors));
        Assert.Equal("kpop", candidates[0].CoTopics[0]);
    }

    [Theory]
    // "After a month or so of not using Claude Code much to write R code, ... Giving coding assistants the ability to ..." #rstats
    [InlineData("mastodon-api-samples/rtoot/get_timeline_hashtag_anonymous.1.json", "After a month or so of not using Claude Code", "data-science,technology,ai")]
    // "Fun thing that @snystrom and I found today for those using #AWS in #Rstats ..."
    [InlineData("mastodon-api-samples/rtoot/get_timeline_hashtag_anonymous.1.json", "Fun thing that", "cloud-computing,technology,data-science")]
    // "Super grateful to have received an R Consortium grant to keep working on improving igraph! ..." #rstats
    [InlineData("mastodon-api-samples/rtoot/get_status_instance.1.json", "Super grateful to have received an R Consortium grant", "data-science,technology")]
    // "@halcy you're a doo-doo head edit: editing this to have the maximum amount of fields filled :trans_heart: #ThisIsAHashtag"
    [InlineData("mastodon-api-samples/mastodon-py/status.1.json", "you're a doo-doo head", "")]
    public void Mastodon_KnownStatuses(string file, string opening, string expected) =>
        Assert.Equal(Split(expected), Extractor.Topics(SamplePosts.Read("mastodon", file).First(p => p.Text?.Contains(opening, StringComparison.Ordinal) == true)));

    [Theory]
    // "test post via OAuth python flask demo code!"
    [InlineData("3kz4lf3n2es2j", "software-development,technology")]
    // "hello from atproto golang oauth client"
    [InlineData("3ljlyqislak2l", "software-development,technology")]
    // "of course the grass is greener on self-hosted PDS" — grass, but not gardening.
    [InlineData("3lhip3wawuk22", "")]
    public void Bluesky_KnownPosts(string rkey, string expected)
    {
        var posts = SamplePosts.Read("bluesky", "bluesky-atproto-samples/repo-car/bnewbold.robocracy.org.20250310005405.car");

        Assert.Equal(Split(expected), Extractor.Topics(posts.Single(p => p.ExternalId.EndsWith("/" + rkey, StringComparison.Ordinal))));
    }

    /// <summary>The hand-written word scanner splits every real sample post exactly as the regex it replaced:
    /// <c>[\p{L}\p{M}\p{Nd}]+(?:'[\p{L}\p{M}\p{Nd}]+)*</c>, apostrophes dropped, lower-cased, stop words and one-letter
    /// tokens out, stemmed.</summary>
    [Fact]
    public void Words_SplitRealPostsAsTheWordRegexDoes()
    {
        var posts = Archive.Value.Concat(SamplePosts.Read("bluesky", "bluesky-atproto-samples/repo-car/bnewbold.robocracy.org.20250310005405.car"))
            .Concat(SamplePosts.Read("mastodon", "mastodon-api-samples/rtoot/get_timeline_hashtag_anonymous.1.json"))
            .Select(p => p.Text).OfType<string>().Append("l'été — naïve CAFÉ's 'quoted' ʻokina x y2 ١٢٣ e\u0301tude don''t").ToList();
        var word = new System.Text.RegularExpressions.Regex(@"[\p{L}\p{M}\p{Nd}]+(?:'[\p{L}\p{M}\p{Nd}]+)*");

        Assert.True(posts.Count > 100, $"{posts.Count} posts");
        foreach (var text in posts)
        {
            var expected = word.Matches(text).Select(m => m.Value.Replace("'", "", StringComparison.Ordinal).ToLowerInvariant())
                .Where(w => w.Length > 1 && !StopWords.Contains(w)).Select(Stemmer.Stem);
            Assert.Equal(expected, TopicTokenizer.Words(text));
        }
    }

    private static string[] Split(string topics) => topics.Length == 0 ? [] : topics.Split(',');
}
