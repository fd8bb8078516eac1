namespace Resonance.Cli.Tests;

public sealed class HelpTests
{
    [Theory]
    [InlineData("import")]
    [InlineData("stats")]
    [InlineData("db", "migrate")]
    [InlineData("generate")]
    [InlineData("demo")]
    public async Task Help_EveryCommand_ShowsExamples(params string[] command)
    {
        var run = await CliRun.RunAsync([.. command, "--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Examples:", run.Out, StringComparison.Ordinal);
        Assert.Contains("resonance " + command[0], run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("extract")]
    [InlineData("candidates")]
    [InlineData("rejections")]
    public async Task Help_TopicsSubcommand_UsageLineHasNoAccountArgument(string subcommand)
    {
        var run = await CliRun.RunAsync("topics", subcommand, "--help");
        var usage = run.Out.Split('\n').SkipWhile(l => l.TrimEnd() != "Usage:").Skip(1).First().Trim();

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"topics {subcommand} [options]", usage[(usage.IndexOf(' ', StringComparison.Ordinal) + 1)..]); // after the program's name
        Assert.DoesNotContain("<account>", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_Topics_UsageLinesShowTheAccountAndTheSubcommands()
    {
        var run = await CliRun.RunAsync("topics", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(" topics <account> [options]", run.Out, StringComparison.Ordinal);
        Assert.Contains(" topics [command] [options]", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoArguments_ShowsHelpListingEveryCommand()
    {
        var run = await CliRun.RunAsync();

        Assert.Equal(0, run.ExitCode);
        foreach (var command in new[] { "demo", "import", "generate", "stats", "db" })
        {
            Assert.Contains(command, run.Out, StringComparison.Ordinal);
        }
    }
}
