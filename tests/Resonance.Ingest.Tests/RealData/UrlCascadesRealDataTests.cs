using Resonance.Ingest.Formats;
using Resonance.Tests.Shared;

namespace Resonance.Ingest.Tests.RealData;

/// <summary>
/// Reads the Hodas &amp; Lerman URL cascades. Expected numbers come from shared/data/twitter-url-cascades-2010/SOURCE.md:
/// 3,454 cascades, 135,472 adoptions and 12,627 users, with exactly one malformed item (a user id without a timestamp).
/// </summary>
[Trait("Category", "Slow")]
public class UrlCascadesRealDataTests
{
    private const int Cascades = 3_454;
    private const int Adoptions = 135_472;
    private const int Users = 12_627;

    [Fact]
    public void Cascades_FullFile_OnePostPerCascadeAndOneRepostPerLaterAdoption()
    {
        var path = SharedData.File("twitter-url-cascades-2010/cascades.txt");

        using var input = InputFiles.OpenText(path);
        var records = new UrlCascadesReader().Read(input.Reader, path, new ReaderOptions()).ToList();

        // The one malformed line is a whole cascade left out; its well-formed items (the ones with a space between
        // user and timestamp) are among the published adoptions, so they are subtracted here.
        var error = Assert.Single(records.Errors());
        Assert.Equal("timestamp", error.Field);
        Assert.Equal("17892", error.Text);
        var malformedLine = File.ReadLines(path).ElementAt((int)error.Line - 1);
        var wellFormedOnMalformedLine = malformedLine.Split(',').Count(item => item.Trim().Contains(' ', StringComparison.Ordinal));

        var posts = records.Posts();
        var interactions = records.Interactions();
        Assert.Equal(Cascades - 1, posts.Count);
        Assert.Equal(Adoptions - wellFormedOnMalformedLine - posts.Count, interactions.Count);
        Assert.Equal(posts.Count, posts.Select(p => p.ExternalId).Distinct().Count());
        Assert.True(interactions.All(i => i.PostId is not null && i.Kind == Domain.InteractionKind.Repost));

        var users = posts.Select(p => p.AuthorId).Concat(interactions.Select(i => i.ActorId)).ToHashSet();
        var usersOnlyOnMalformedLine = malformedLine.Split(',')
            .Select(item => item.Trim().Split(' ')[0])
            .Where(u => u.Length > 0 && !users.Contains(u))
            .ToHashSet();
        Assert.Equal(Users, users.Count + usersOnlyOnMalformedLine.Count(u => u != "17892"));
        Assert.InRange(posts.Min(p => p.CreatedAt), new DateTimeOffset(2010, 9, 20, 7, 26, 28, TimeSpan.Zero), DateTimeOffset.MaxValue);
        Assert.InRange(interactions.Max(i => i.OccurredAt!.Value), DateTimeOffset.MinValue, new DateTimeOffset(2010, 10, 1, 21, 4, 22, TimeSpan.Zero));
    }
}
