using Resonance.Domain;
using Resonance.Ingest.Text;

namespace Resonance.Ingest.Formats.Twitter;

/// <summary>Reads a "Your Twitter data" archive, as its folder or its <c>.zip</c>: the owner's account, tweets,
/// likes, followers and followings.</summary>
/// <remarks>
/// The owner comes from <c>account.js</c> (or the manifest's <c>userInfo</c>). Then <c>tweets.js</c> (older
/// archives: <c>tweet.js</c>) and its parts become posts, reposts, replies, quotes and mentions by the owner
/// (<see cref="TweetFields"/>); <c>like.js</c> likes by the owner of tweets whose author the archive tells
/// (<see cref="ArchiveAuthorIndex"/>; the others are counted as skipped); <c>follower.js</c> follows of the owner;
/// <c>following.js</c> follows by the owner. Follows and likes are untimed: the archive has no times for them.
/// Every file is streamed (<see cref="ArchiveJsFile"/>). A malformed element is an error at its line; a JSON
/// syntax error ends that file (the error says so) and reading goes on with the next. See docs/data-formats.md.
/// </remarks>
public sealed class TwitterArchiveReader : IPathRecordReader
{
    /// <summary>Network used when <c>--network</c> is not given.</summary>
    public const string DefaultNetwork = "twitter";

    /// <summary>Skip reason for likes whose tweet author the archive does not tell.</summary>
    public const string UnknownLikeAuthor = "likes of tweets whose author the archive does not name (like.js gives only the tweet id)";

    private static readonly string[] TweetFiles = ["tweets", "tweet"];

    public string Format => "twitter-archive";

    public string Description => "\"Your Twitter data\" archive (folder or .zip): the owner's tweets, likes, followers, followings.";

    public string? Validate(ReaderOptions options) => ReaderOptionChecks.NetworkOnly(Format, options);

    /// <summary>Not supported: an archive is several files; use <see cref="ReadPath"/>.</summary>
    public IEnumerable<SourceRecord> Read(TextReader input, string file, ReaderOptions options) =>
        throw new NotSupportedException($"Format '{Format}' reads a folder or .zip; give its path.");

    public long InputLength(string path)
    {
        using var members = ArchiveMembers.Open(path);
        return Members(members).Sum(members.Length);
    }

    public IEnumerable<SourceRecord> ReadPath(string path, ReaderOptions options, ReadProgress progress)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        return ReadArchive(path, options.Network ?? DefaultNetwork, progress);
    }

    private static IEnumerable<string> Members(ArchiveMembers members) =>
        new[] { "account", "manifest" }.Concat(TweetKinds(members)).Concat(["like", "follower", "following"]).SelectMany(members.Find);

    private static IEnumerable<string> TweetKinds(ArchiveMembers members) =>
        TweetFiles.Where(k => members.Find(k).Count > 0).Take(1);

    private static IEnumerable<SourceRecord> ReadArchive(string path, string network, ReadProgress progress)
    {
        using var members = ArchiveMembers.Open(path);
        var pool = new StringPool();
        var output = new List<SourceRecord>();
        var context = new Context(members, progress, output);
        Account? owner = null;
        foreach (var kind in new[] { ("account", "account"), ("manifest", "userInfo") })
        {
            foreach (var record in context.ReadEach(kind.Item1, (element, line) =>
            {
                var names = kind.Item1 == "account" ? AccountNames : ManifestNames;
                var v = ArchiveObjects.Read(element, kind.Item2, pool, names);
                if (owner is null && v[0] is { } id)
                {
                    owner = new Account(network, id, v[1] is { } name ? "@" + name : null, v[2]);
                    output.Add(SourceRecord.Of(line, owner));
                }
            }))
            {
                yield return record;
            }
        }
        if (owner is null)
        {
            yield return SourceRecord.Of(RecordError.At(members.Display("data/account.js"), 1, "accountId",
                "the archive's owner is unknown: no account.js or manifest.js with an account id was found", path));
            yield break;
        }

        var index = new ArchiveAuthorIndex(owner.ExternalId);
        var tweets = new ArchiveTweetParser(pool);
        var accounts = new AccountSet();
        accounts.Add(owner, 1, []);
        foreach (var kind in TweetKinds(members))
        {
            foreach (var record in context.ReadEach(kind, (element, line) =>
            {
                tweets.Parse(element, owner.ExternalId);
                index.Add(tweets, line);
                foreach (var m in tweets.Mentions)
                {
                    accounts.Add(new Account(network, m.Id, m.ScreenName is null ? null : "@" + m.ScreenName, m.Name), line, output);
                }
                tweets.Tweet.AddRecords(network, line, output, progress);
            }))
            {
                yield return record;
            }
        }
        index.AddQuotes(network, output, progress);
        foreach (var record in output)
        {
            yield return record;
        }
        output.Clear();

        foreach (var record in context.ReadEach("like", (element, line) =>
        {
            if (ArchiveObjects.Read(element, "like", pool, "tweetId")[0] is not { } tweetId)
            {
                throw new TwitterFieldException("tweetId", "is missing");
            }
            if (index.AuthorOf(tweetId) is { } author)
            {
                output.Add(SourceRecord.Of(line, new Interaction(network, null, owner.ExternalId, author, InteractionKind.Like, tweetId)));
            }
            else
            {
                progress.Skip(UnknownLikeAuthor);
            }
        }))
        {
            yield return record;
        }
        foreach (var kind in new[] { "follower", "following" })
        {
            foreach (var record in context.ReadEach(kind, (element, line) =>
            {
                if (ArchiveObjects.Read(element, kind, pool, "accountId")[0] is not { } other)
                {
                    throw new TwitterFieldException("accountId", "is missing");
                }
                var follow = kind == "follower"
                    ? new Interaction(network, null, other, owner.ExternalId, InteractionKind.Follow)
                    : new Interaction(network, null, owner.ExternalId, other, InteractionKind.Follow);
                output.Add(SourceRecord.Of(line, follow));
            }))
            {
                yield return record;
            }
        }
    }

    private static readonly string[] AccountNames = ["accountId", "username", "accountDisplayName"];
    private static readonly string[] ManifestNames = ["accountId", "userName", "displayName"];

    /// <summary>Runs an element handler over every member of one data type, turning its failures into errors.</summary>
    private sealed class Context(ArchiveMembers members, ReadProgress progress, List<SourceRecord> output)
    {
        /// <summary>Streams each element of each member of <paramref name="kind"/> through <paramref name="handle"/>,
        /// which adds records to the shared output list; yields them, and an error for each element it rejects.</summary>
        public IEnumerable<SourceRecord> ReadEach(string kind, ElementHandler handle)
        {
            foreach (var member in members.Find(kind))
            {
                var file = members.Display(member);
                using var js = new ArchiveJsFile(members.OpenMember(member), progress);
                var more = true;
                while (more)
                {
                    var error = Next(js, file, handle, out more);
                    if (error is not null)
                    {
                        yield return SourceRecord.Of(error);
                    }
                    foreach (var record in output)
                    {
                        yield return record;
                    }
                    output.Clear();
                }
            }
        }

        private RecordError? Next(ArchiveJsFile js, string file, ElementHandler handle, out bool more)
        {
            more = js.MoveNext();
            if (!more)
            {
                return js.ErrorMessage is { } message ? RecordError.At(file, js.Line, null, message, js.ErrorText) : null;
            }
            try
            {
                handle(js.Current, js.Line);
                return null;
            }
            catch (TwitterFieldException ex)
            {
                output.Clear();
                return RecordError.At(file, js.Line, ex.Field, ex.Message, TwitterJson.Excerpt(js.Current));
            }
        }
    }

    private delegate void ElementHandler(ReadOnlySpan<byte> element, long line);
}
