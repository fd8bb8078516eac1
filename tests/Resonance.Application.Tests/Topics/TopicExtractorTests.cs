using Resonance.Application.Topics;

namespace Resonance.Application.Tests.Topics;

/// <summary>Tokenising, stemming and taxonomy matching on hand-written texts.</summary>
public class TopicExtractorTests
{
    private static readonly TopicExtractor Extractor = new(TopicTaxonomy.BuiltIn);

    [Fact]
    public void Tokenize_TakesOutTagsLinksAndMentions_AndStemsTheRest()
    {
        var terms = TopicTokenizer.Tokenize("RT @bob: Training #LLMs and $NVDA for $5 at https://example.com/x?y=1 &amp; running models");

        Assert.Equal(["llms"], terms.Hashtags);
        Assert.Equal(["nvda"], terms.Cashtags);
        // "rt", "and", "for", "at", "amp" are stop words; "5" is too short; the link and the mention are gone.
        Assert.Equal(["train", "run", "model"], terms.Tokens);
    }

    [Fact]
    public void Matches_PhraseInAnotherInflection_MatchesOnStems()
    {
        var matches = Extractor.Matches("Fine-tuned a large language model on the weekend");

        Assert.Contains(new TopicMatch("ai", TopicEvidenceKind.Keyword, "larg languag model"), matches);
    }

    [Fact]
    public void Matches_CashtagAndHashtag_MapToTheirTopics()
    {
        var matches = Extractor.Matches("Moving everything into $BTC #DeFi", []);

        Assert.Equal([new("crypto", TopicEvidenceKind.Hashtag, "defi"), new("crypto", TopicEvidenceKind.Cashtag, "btc")], matches);
    }

    [Fact]
    public void Topics_IncludeAncestorsNearestFirst()
    {
        var post = new Domain.Post("x", "1", "a", DateTimeOffset.UnixEpoch, "Lovely walking bass lines tonight");

        Assert.Equal(["jazz", "music"], Extractor.Topics(post));
    }

    [Fact]
    public void Parse_OperatorFileExtendsTheBuiltIn_AndRejectsUnknownParents()
    {
        var taxonomy = TopicTaxonomy.Parse(["tech\t\t#tech", "rust-lang\ttech\t#rustlang,borrow checker", "tech\t\t#technology"]);

        Assert.Equal(["rust-lang"], taxonomy.ForHashtag("rustlang"));
        Assert.Equal(["rust-lang"], taxonomy.ForHashtag("rust-lang".Replace("-", "", StringComparison.Ordinal)));
        Assert.Equal(["tech"], taxonomy.ForHashtag("technology"));
        Assert.Equal(["rust-lang", "tech"], taxonomy.WithAncestors("rust-lang"));
        Assert.Equal("taxonomy text 1:1: field 'parent': topic 'a' has unknown parent 'nowhere'.",
            Assert.Throws<TaxonomyFormatException>(() => TopicTaxonomy.Parse(["a\tnowhere\t#a"])).Message);
        Assert.StartsWith("taxonomy text 1:1: field 'parent': topic 'a' is its own ancestor",
            Assert.Throws<TaxonomyFormatException>(() => TopicTaxonomy.Parse(["a\tb\t", "b\ta\t"])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NamesTheOperatorFileLineAndField_OfABadLine()
    {
        var file = Path.Combine(Path.GetTempPath(), $"resonance-taxonomy-{Guid.NewGuid():N}.tsv");
        try
        {
            File.WriteAllText(file, "# mine\ngoalkeeping\tfootball\t#keepers\nbonsai-trees\tgardenning\t#bonsaitrees\n");
            var error = Assert.Throws<TaxonomyFormatException>(() => TopicTaxonomy.Load([file]));
            Assert.Equal($"{file}:3: field 'parent': topic 'bonsai-trees' has unknown parent 'gardenning'.", error.Message);
            File.WriteAllText(file, "a\tb\tc\td\n");
            Assert.StartsWith($"{file}:1: field 'topic': expected", Assert.Throws<TaxonomyFormatException>(() => TopicTaxonomy.Load([file])).Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
