using System.Text.Json;
using Resonance.Domain;
using Resonance.Ingest.Formats.Twitter;
using Resonance.Tests.Shared;

namespace Resonance.Ingest.Tests.RealData;

/// <summary>
/// Reads the real API v2 samples in shared/data/twitter-api-samples. Per-file counts of data tweets, referenced types
/// and included users come from its SOURCE.md; the full expected mapping is computed here from the raw lines with
/// <see cref="JsonDocument"/>, independently of the reader.
/// </summary>
[Trait("Category", "Slow")]
public class TwitterApiV2RealDataTests
{
    [Theory]
    [InlineData("brexit.jsonl", 100, 67, 10, 11, 177)]
    [InlineData("kpop.jsonl", 100, 78, 0, 0, 112)]
    [InlineData("entities_test.jsonl", 474, 314, 84, 12, 612)]
    [InlineData("noflat.jsonl", 100, 47, 31, 8, 178)]
    [InlineData("withheld.jsonl", 215, 83, 62, 8, 591)]
    public void Read_TwarcFile_MatchesSourceCountsAndTheRawMapping(string name, int tweets, int retweets, int replies, int quotes, int users)
    {
        var path = SharedData.File($"twitter-api-samples/v2-twarc/{name}");
        var pages = File.ReadLines(path).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var dataIds = pages.SelectMany(p => p.GetProperty("data").EnumerateArray()).Select(t => t.GetProperty("id").GetString()!).ToHashSet();
        var includedUsers = pages.SelectMany(p => p.GetProperty("includes").GetProperty("users").EnumerateArray())
            .Select(u => u.GetProperty("id").GetString()!).ToList();

        var records = Read(path);

        Assert.Empty(records.Errors());
        var posts = records.Posts().Where(p => dataIds.Contains(p.ExternalId)).ToList();
        Assert.Equal(tweets, posts.Count);
        Assert.Equal(retweets, posts.Count(p => p.RepostOfPostId is not null));
        Assert.Equal(replies, posts.Count(p => p.ReplyToPostId is not null));
        Assert.Equal(quotes, posts.Count(p => p.QuoteOfPostId is not null));
        Assert.Equal(users, includedUsers.Count);
        Assert.Empty(includedUsers.Except(records.Accounts().Where(a => a.Handle is not null).Select(a => a.ExternalId)));

        var expected = ExpectedInteractions(pages);
        var actual = records.Interactions().Select(i => (i.ActorId, i.TargetId, i.Kind, i.PostId)).Order().ToList();
        Assert.Equal(expected.Order(), actual);
    }

    [Fact]
    public void Read_StreamWithOneBrokenLine_GivesAnErrorAtThatLineAndEveryOtherTweet()
    {
        var path = SharedData.File("twitter-api-samples/v2-twarc/streaming_output_with_error.jsonl");

        var records = Read(path);

        var error = Assert.Single(records.Errors());
        Assert.Equal(8, error.Line);
        Assert.Equal(path, error.File);
        Assert.StartsWith("is not valid JSON", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("{\"data\": {\"author_id\": \"1021159080151404544\"", error.Text, StringComparison.Ordinal);
        var dataIds = File.ReadLines(path).Take(7).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("data").GetProperty("id").GetString()!);
        Assert.Empty(dataIds.Except(records.Posts().Select(p => p.ExternalId)));
        Assert.All(records.Where(r => r.Error is null), r => Assert.InRange(r.Line, 1, 7));
    }

    [Fact]
    public void ReadPath_TweepyCassettes_UsersBecomeAccountsAndTweetsWithoutAuthorAreCounted()
    {
        var folder = Path.GetDirectoryName(SharedData.File("twitter-api-samples/tweepy-cassettes/v2/get_users_followers.1.json"))!;
        var progress = new ReadProgress();

        var records = new TwitterApiV2Reader().ReadPath(folder, new ReaderOptions(), progress).ToList();

        Assert.Empty(records.Errors());
        Assert.Empty(records.Posts());
        var files = Directory.GetFiles(folder, "*.json").Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.GetProperty("body")).ToList();
        var data = files.Where(b => b.TryGetProperty("data", out _))
            .SelectMany(b => b.GetProperty("data").ValueKind == JsonValueKind.Array ? b.GetProperty("data").EnumerateArray().ToList() : [b.GetProperty("data")])
            .ToList();
        var userIds = data.Where(d => d.TryGetProperty("username", out _)).Select(d => d.GetProperty("id").GetString()!)
            .Concat(files.Where(b => b.TryGetProperty("includes", out var inc) && inc.TryGetProperty("users", out _))
                .SelectMany(b => b.GetProperty("includes").GetProperty("users").EnumerateArray()).Select(u => u.GetProperty("id").GetString()!))
            .ToHashSet();
        Assert.Equal(userIds, records.Accounts().Select(a => a.ExternalId).ToHashSet());
        Assert.Equal(data.Count(d => d.TryGetProperty("text", out _)), progress.Skipped.Single(s => s.Key == ApiV2Records.NoAuthor).Value);
    }

    private static List<SourceRecord> Read(string path)
    {
        using var input = InputFiles.OpenText(path);
        return [.. new TwitterApiV2Reader().Read(input.Reader, path, new ReaderOptions())];
    }

    /// <summary>The reposts, replies, quotes and mentions of every distinct tweet of every page (data and includes).</summary>
    private static List<(string, string, InteractionKind, string?)> ExpectedInteractions(List<JsonElement> pages)
    {
        var result = new List<(string, string, InteractionKind, string?)>();
        foreach (var page in pages)
        {
            var all = page.GetProperty("data").EnumerateArray()
                .Concat(page.GetProperty("includes").TryGetProperty("tweets", out var inc) ? inc.EnumerateArray() : Enumerable.Empty<JsonElement>())
                .DistinctBy(t => t.GetProperty("id").GetString()).ToList();
            var authors = all.Where(t => t.TryGetProperty("author_id", out _))
                .ToDictionary(t => t.GetProperty("id").GetString()!, t => t.GetProperty("author_id").GetString()!);
            var names = page.GetProperty("includes").GetProperty("users").EnumerateArray()
                .Select(u => (Name: u.GetProperty("username").GetString()!, Id: u.GetProperty("id").GetString()!))
                .Concat(all.Where(t => t.TryGetProperty("entities", out var e) && e.TryGetProperty("mentions", out _))
                    .SelectMany(t => t.GetProperty("entities").GetProperty("mentions").EnumerateArray())
                    .Where(m => m.TryGetProperty("id", out _))
                    .Select(m => (Name: m.GetProperty("username").GetString()!, Id: m.GetProperty("id").GetString()!)))
                .DistinctBy(u => u.Name, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(u => u.Name, u => u.Id, StringComparer.OrdinalIgnoreCase);
            foreach (var t in all.Where(t => t.TryGetProperty("author_id", out _)))
            {
                var author = t.GetProperty("author_id").GetString()!;
                var refs = t.TryGetProperty("referenced_tweets", out var r) ? r.EnumerateArray().ToList() : [];
                string? Ref(string type) => refs.Where(x => x.GetProperty("type").GetString() == type).Select(x => x.GetProperty("id").GetString()).FirstOrDefault();
                if (Ref("retweeted") is { } rt)
                {
                    var text = t.GetProperty("text").GetString()!;
                    var byName = text.StartsWith("RT @", StringComparison.Ordinal) && text.IndexOf(':', StringComparison.Ordinal) > 4
                        ? names.GetValueOrDefault(text[4..text.IndexOf(':', StringComparison.Ordinal)]) : null;
                    if ((authors.GetValueOrDefault(rt) ?? byName) is { } original)
                    {
                        result.Add((author, original, InteractionKind.Repost, rt));
                    }
                    continue;
                }
                string? parentAuthor = null;
                if (Ref("replied_to") is { } parent)
                {
                    parentAuthor = t.TryGetProperty("in_reply_to_user_id", out var u) ? u.GetString() : authors.GetValueOrDefault(parent);
                    if (parentAuthor is not null)
                    {
                        result.Add((author, parentAuthor, InteractionKind.Reply, parent));
                    }
                }
                if (Ref("quoted") is { } quoted && authors.TryGetValue(quoted, out var quotedAuthor))
                {
                    result.Add((author, quotedAuthor, InteractionKind.Quote, quoted));
                }
                var mentions = t.TryGetProperty("entities", out var e) && e.TryGetProperty("mentions", out var m) ? m.EnumerateArray().ToList() : [];
                var ids = mentions.Select(x => x.TryGetProperty("id", out var id) ? id.GetString() : names.GetValueOrDefault(x.GetProperty("username").GetString()!));
                foreach (var id in ids.OfType<string>().Distinct().Where(id => id != parentAuthor))
                {
                    result.Add((author, id, InteractionKind.Mention, null));
                }
            }
        }
        return result;
    }
}
