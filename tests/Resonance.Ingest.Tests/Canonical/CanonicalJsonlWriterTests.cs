using Resonance.Domain;
using Resonance.Ingest.Canonical;

namespace Resonance.Ingest.Tests.Canonical;

public class CanonicalJsonlWriterTests
{
    private static string Write(Action<CanonicalJsonlWriter> write)
    {
        var text = new StringWriter();
        write(new CanonicalJsonlWriter(text));
        return text.ToString();
    }

    [Fact]
    public void Write_Account_OmitsNullOptionalFields()
    {
        var text = Write(w =>
        {
            w.Write(new Account("twitter", "12", "@ada", "Ada L."));
            w.Write(new Account("twitter", "13"));
        });

        Assert.Equal(
            """
            {"type":"account","network":"twitter","id":"12","handle":"@ada","display_name":"Ada L."}
            {"type":"account","network":"twitter","id":"13"}

            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void Write_PostAndInteraction_UseFixedFieldOrderAndUtcTimes()
    {
        var created = new DateTimeOffset(2024, 5, 1, 14, 0, 0, TimeSpan.FromHours(2));
        var text = Write(w =>
        {
            w.Write(new Post("twitter", "p1", "12", created, "Grüße \"x\" <b>", ["ai", "llm"], ReplyToPostId: "p0"));
            w.Write(new Interaction("twitter", created.AddMilliseconds(1500), "34", "12", InteractionKind.Repost, "p1", 0.1));
            w.Write(new Interaction("twitter", null, "34", "12", InteractionKind.Follow));
        });

        Assert.Equal(
            """
            {"type":"post","network":"twitter","id":"p1","author":"12","created":"2024-05-01T12:00:00Z","text":"Grüße \"x\" <b>","hashtags":["ai","llm"],"reply_to":"p0"}
            {"type":"interaction","network":"twitter","time":"2024-05-01T12:00:01.5Z","actor":"34","target":"12","kind":"repost","post":"p1","weight":0.1}
            {"type":"interaction","network":"twitter","actor":"34","target":"12","kind":"follow","weight":1}

            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void Write_ThenRead_GivesEqualRecords()
    {
        var random = new Random(674386);
        var kinds = InteractionKinds.All;
        var records = new List<SourceRecord>();
        for (var i = 0; i < 300; i++)
        {
            var time = DateTimeOffset.FromUnixTimeMilliseconds(1_600_000_000_000 + random.NextInt64(10_000_000_000));
            records.Add((i % 3) switch
            {
                0 => SourceRecord.Of(i + 1, new Account("net", $"a{i}", i % 2 == 0 ? $"@h{i}" : null, i % 5 == 0 ? "Dïsplay \"name\"\t" : null)),
                1 => SourceRecord.Of(i + 1, new Post(
                    "net", $"p{i}", $"a{i % 7}", time, i % 2 == 0 ? $"text {i}\nwith newline ✓" : null,
                    i % 4 == 1 ? ["tag", $"t{i}"] : [], i % 5 == 1 ? "p0" : null, i % 7 == 1 ? "p1" : null, i % 11 == 1 ? "p2" : null)),
                _ => SourceRecord.Of(i + 1, new Interaction(
                    "net", i % 4 == 2 ? null : time, $"a{i % 13}", $"a{i % 17}", kinds[i % kinds.Count],
                    i % 3 == 2 ? $"p{i - 1}" : null, i % 5 == 2 ? 1.0 + random.NextDouble() * 1e-3 : 1.0)),
            });
        }
        var text = Write(w => records.ForEach(w.Write));

        var read = Records.Read(new CanonicalJsonlReader(), text);

        Assert.Empty(read.Errors());
        Assert.Equal(records.Count, read.Count);
        for (var i = 0; i < records.Count; i++)
        {
            Assert.Equal(records[i].Line, read[i].Line);
            Assert.Equal(records[i].Account, read[i].Account);
            Assert.Equal(records[i].Interaction, read[i].Interaction);
            Assert.Equal(records[i].Post?.Hashtags ?? [], read[i].Post?.Hashtags ?? []);
            Assert.Equal(records[i].Post, read[i].Post);
        }
    }

    [Fact]
    public void Write_SameRecordsTwice_GivesIdenticalText()
    {
        var interaction = new Interaction("x", DateTimeOffset.FromUnixTimeSeconds(1), "a", "b", InteractionKind.Like, Weight: 1.0 / 3);

        Assert.Equal(Write(w => w.Write(interaction)), Write(w => w.Write(interaction)));
        Assert.Contains("\"weight\":0.3333333333333333}", Write(w => w.Write(interaction)), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ErrorRecord_Throws()
    {
        var error = SourceRecord.Of(new RecordError("f", 1, null, "bad", "x"));

        Assert.Throws<ArgumentException>(() => Write(w => w.Write(error)));
    }
}
