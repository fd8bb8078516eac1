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
