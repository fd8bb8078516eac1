namespace Resonance.Cli.Tests;

/// <summary>A bad <c>--taxonomy</c> file is bad input data: every command that takes one exits 65 (EX_DATAERR) naming the
/// file, line and field, and writes nothing.</summary>
public sealed class TaxonomyFileErrorTests
{
    [Fact]
    public async Task Every_command_taking_a_taxonomy_exits_65_naming_file_line_and_field_and_writes_nothing()
    {
        using var temp = new TempFolder();
        var (db, best) = await TopicsCommandTests.DemoAsync(temp);
        var runs = (await CliRun.RunAsync("runs", "--db", db, "--json")).Json().GetArrayLength();
        var bad = new (string Text, string Expected)[]
        {
            ("# mine\nbonsai-trees\tgardenning\t#bonsaitrees\n", "bad.tsv:2: field 'parent': topic 'bonsai-trees' has unknown parent 'gardenning'."),
            ("a\tb\tc\td\n", "bad.tsv:1: field 'topic': expected 'topic<TAB>parent<TAB>aliases'"),
            ("loop-a\tloop-b\t\nloop-b\tloop-a\t\n", "bad.tsv:1: field 'parent': topic 'loop-a' is its own ancestor through"),
        };
        string[][] commands =
        [
            ["score"], ["topics", "extract"], ["topics", best], ["topics", "candidates"], ["topics", "candidates", "--accept", "#brandnewtag"], ["top", "--topic", "football"],
            ["explain", best, "--topic", "football"], ["communities"],
        ];

        var file = temp.File("bad.tsv");
        foreach (var (text, expected) in bad)
        {
            await File.WriteAllTextAsync(file, text, TestContext.Current.CancellationToken);
            foreach (var command in commands)
            {
                var run = await CliRun.RunAsync([.. command, "--db", db, "--taxonomy", file]);
                Assert.True(run.ExitCode == 65, $"{string.Join(' ', command)}: exit {run.ExitCode}, {run.Error}");
                Assert.Contains(file + expected["bad.tsv".Length..], run.Error, StringComparison.Ordinal);
            }
        }

        // Nothing half-written: the file was not appended to, no run was added, and no post's stored topics were extracted again with another taxonomy.
        Assert.Equal(bad[^1].Text, await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
        Assert.Equal(runs, (await CliRun.RunAsync("runs", "--db", db, "--json")).Json().GetArrayLength());
        Assert.Equal(0, (await CliRun.RunAsync("topics", "extract", "--db", db, "--json")).Json().GetProperty("extracted").GetInt64());
    }
}
