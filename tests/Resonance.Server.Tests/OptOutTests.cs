using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using Resonance.Application.Importing;
using Resonance.Application.Synthetic;
using static Resonance.Server.Tests.ApiTestHelpers;

namespace Resonance.Server.Tests;

/// <summary>A server of its own: these tests erase people.</summary>
public sealed class OptOutFixture : ServerFixture;

/// <summary>Opting out takes one step and one confirmation, erases everything about the person from every table and
/// from the database file itself, and keeps it erased through later imports.</summary>
public sealed class OptOutTests(OptOutFixture fixture) : IClassFixture<OptOutFixture>
{
    [Fact]
    public async Task OptOut_ErasesThePersonFromTheWholeDatabaseFile_AndLaterImportsSkipThem()
    {
        var account = await fixture.AccountOfAsync("ada@demo.resonance");
        var traces = await TracesAsync(account.Id);
        Assert.True(traces.Texts.Count >= 1, "ada's account must have posts of its own to erase");
        using var ada = await fixture.ClientAsync("ada@demo.resonance");

        using var confirmPage = await ada.GetAsync("/me/privacy?confirm=true");
        using var erased = await ada.SubmitAsync("/me/privacy?confirm=true", "optout", new Dictionary<string, string>());
        var report = await erased.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        Assert.Contains("You are erased", report, StringComparison.Ordinal);
        Assert.Contains(account.Label, report, StringComparison.Ordinal); // it shows what was erased
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var file = await ReadDatabaseFilesAsync();
        foreach (var secret in traces.All)
        {
            Assert.False(Contains(file, secret), $"the database files still hold '{secret}'");
        }
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM accounts WHERE external_id = $v", account.ExternalId));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM AspNetUsers WHERE Email = $v", "ada@demo.resonance"));
        Assert.Equal(1 + traces.Posts, await CountAsync("SELECT COUNT(*) FROM tombstones WHERE $v = $v", "x")); // her account and each of her posts

        // The same data imported again: ada's account stays erased.
        var dataset = SyntheticNetworkGenerator.Generate(new SyntheticOptions { People = fixture.People, Seed = 7 });
        var again = await new ImportService(fixture.Store).RunAsync([new ImportSource("synthetic", dataset.Records, () => 0, 0)], new ImportOptions("synthetic"), null, Ct);
        Assert.True(again.ErasedSkipped > 0);
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM accounts WHERE external_id = $v", account.ExternalId));

        // Signed out, and the profile is gone for everyone.
        using var me = await ada.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        using var mark = await fixture.ClientAsync("mark@demo.resonance");
        using var profile = await mark.GetAsync(PersonPath(account, api: true));
        Assert.Equal(HttpStatusCode.NotFound, profile.StatusCode);
        Assert.Equal(HttpStatusCode.OK, confirmPage.StatusCode);
    }

    private sealed record Traces(string Handle, string DisplayName, IReadOnlyList<string> Texts, long Posts)
    {
        public IEnumerable<string> All => Texts.Prepend(DisplayName).Prepend(Handle);
    }

    /// <summary>The account's handle, display name and the texts of its posts that appear in no other post, not even
    /// as part of a longer text (those would be found in others' posts and prove nothing).</summary>
    private async Task<Traces> TracesAsync(long accountId)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT handle, display_name FROM accounts WHERE id = $id";
        command.Parameters.AddWithValue("$id", accountId);
        string handle, name;
        await using (var reader = await command.ExecuteReaderAsync(Ct))
        {
            await reader.ReadAsync(Ct);
            (handle, name) = (reader.GetString(0), reader.GetString(1));
        }
        command.CommandText = "SELECT p.text FROM posts p WHERE p.author_id = $id AND p.text IS NOT NULL AND (SELECT COUNT(*) FROM posts q WHERE instr(q.text, p.text) > 0) = 1";
        var texts = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct))
            {
                texts.Add(reader.GetString(0));
            }
        }
        command.CommandText = "SELECT COUNT(*) FROM posts WHERE author_id = $id";
        var posts = (long)(await command.ExecuteScalarAsync(Ct))!;
        return new Traces(handle, name, texts, posts);
    }

    private async Task<byte[]> ReadDatabaseFilesAsync()
    {
        using var all = new MemoryStream();
        foreach (var suffix in new[] { "", "-wal", "-journal" })
        {
            var path = fixture.DatabasePath + suffix;
            if (File.Exists(path))
            {
                await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                await stream.CopyToAsync(all, Ct);
            }
        }
        return all.ToArray();
    }

    private static bool Contains(byte[] haystack, string needle) =>
        haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0;

    private async Task<long> CountAsync(string sql, string value)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$v", value);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={fixture.DatabasePath}");
        connection.Open();
        return connection;
    }
}
