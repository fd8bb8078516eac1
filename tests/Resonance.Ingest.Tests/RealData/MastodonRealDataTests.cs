using System.Text.Json;
using Resonance.Domain;
using Resonance.Ingest.Formats.Mastodon;
using Resonance.Tests.Shared;

namespace Resonance.Ingest.Tests.RealData;

/// <summary>
/// Reads the recorded Mastodon API responses in shared/data/mastodon-api-samples. Counts come from its SOURCE.md
/// (20 statuses with 8 replies, 59 descendants, 40 reblogged_by accounts) or are counted here with a plain JsonDocument walk.
/// </summary>
public class MastodonRealDataTests
{
    private const string Folder = "mastodon-api-samples/";

    private static List<SourceRecord> Read(string relativePath)
    {
        var path = SharedData.File(Folder + relativePath);
        using var file = InputFiles.OpenText(path);
        return [.. new MastodonReader().Read(file.Reader, path, new ReaderOptions())];
    }

    private static JsonElement Body(string relativePath) =>
        JsonDocument.Parse(File.ReadAllText(SharedData.File(Folder + relativePath))).RootElement.GetProperty("body").Clone();

    [Fact]
    public void AccountStatuses_TwentyPostsByTheOneFosstodonAccountWithRepliesAndMentions()
    {
        var records = Read("rtoot/get_account_statuses_default.1.json");
        var body = Body("rtoot/get_account_statuses_default.1.json");

        Assert.Empty(records.Errors());
        var own = records.Posts().Where(p => p.AuthorId == "schochastics@fosstodon.org").ToList();
        var reblogs = body.EnumerateArray().Count(s => s.GetProperty("reblog").ValueKind == JsonValueKind.Object);
        Assert.Equal(20, own.Count);
        Assert.Equal(20 + reblogs, records.Posts().Count);
        Assert.Equal("@schochastics@fosstodon.org", records.Accounts().Single(a => a.ExternalId == "schochastics@fosstodon.org").Handle);
        // SOURCE.md: 8 replies (in_reply_to_id set). 3 more keep in_reply_to_account_id after their parent was deleted:
        // still replies to that account. Every replied account is the author (a thread) or among the status's mentions.
        Assert.Equal(8, body.EnumerateArray().Count(s => s.GetProperty("in_reply_to_id").ValueKind == JsonValueKind.String));
        var repliedAccounts = body.EnumerateArray().Count(s => s.GetProperty("in_reply_to_account_id").ValueKind == JsonValueKind.String);
        Assert.Equal(11, repliedAccounts);
        Assert.Equal(repliedAccounts, records.Interactions().Count(i => i.Kind == InteractionKind.Reply));
        var mentionPairs = body.EnumerateArray()
            .Select(s => s.GetProperty("reblog").ValueKind == JsonValueKind.Object ? s.GetProperty("reblog") : s)
            .Sum(s => s.GetProperty("mentions").EnumerateArray()
                .Count(m => m.GetProperty("id").GetString() != s.GetProperty("in_reply_to_account_id").GetString()));
        Assert.Equal(mentionPairs, records.Interactions().Count(i => i.Kind == InteractionKind.Mention));
        Assert.Equal(reblogs, records.Interactions().Count(i => i.Kind == InteractionKind.Repost));
    }

    [Fact]
    public void Context_FiftyNineDescendantsAsPostsWithThreadRepliesResolved()
    {
        var records = Read("rtoot/get_context_anonymous.1.json");
        var descendants = Body("rtoot/get_context_anonymous.1.json").GetProperty("descendants").EnumerateArray().ToList();

        Assert.Empty(records.Errors());
        Assert.Equal(59, records.Posts().Count);
        var ids = descendants.Select(d => d.GetProperty("id").GetString()).ToHashSet();
        var repliesInsideThread = descendants.Count(d => ids.Contains(d.GetProperty("in_reply_to_id").GetString()));
        Assert.Equal(repliesInsideThread, records.Posts().Count(p => p.ReplyToPostId is not null));
        Assert.Equal(59, records.Interactions().Count(i => i.Kind == InteractionKind.Reply));
        var authors = descendants.Select(d => d.GetProperty("account").GetProperty("acct").GetString()!).ToHashSet();
        Assert.Equal(authors.Count, records.Accounts().Count);
        Assert.All(records.Accounts(), a => Assert.Contains('@', a.ExternalId));
    }

    [Fact]
    public void RebloggedBy_FortyAccountsAndNoInteractionsWithoutTheStatus()
    {
        var records = Read("rtoot/get_reblogged_by_anonymous.1.json");

        Assert.Equal(40, records.Accounts().Select(a => a.ExternalId).Distinct().Count());
        Assert.Empty(records.Interactions());
        Assert.Empty(records.Errors());
    }

    [Fact]
    public void AllSamples_NoErrorsAndEveryStatusUriBecomesOnePost()
    {
        var folder = Path.GetDirectoryName(SharedData.File(Folder + "SOURCE.md"))!;
        var files = Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

        var records = files.SelectMany(f => Read(Path.GetRelativePath(folder, f))).ToList();
        var uris = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            CollectStatusUris(JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("body"), uris);
        }

        Assert.Empty(records.Errors());
        Assert.Equal(uris.Order(StringComparer.Ordinal), records.Posts().Select(p => p.ExternalId).Distinct().Order(StringComparer.Ordinal));
    }

    private static void CollectStatusUris(JsonElement value, HashSet<string> uris)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                CollectStatusUris(item, uris);
            }
        }
        else if (value.ValueKind == JsonValueKind.Object)
        {
            if (value.TryGetProperty("content", out _) && value.TryGetProperty("uri", out var uri) && value.TryGetProperty("account", out _))
            {
                uris.Add(uri.GetString()!);
            }
            foreach (var property in value.EnumerateObject())
            {
                CollectStatusUris(property.Value, uris);
            }
        }
    }
}
