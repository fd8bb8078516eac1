namespace Resonance.Cli.Tests;

/// <summary>Runs the real <c>resonance</c> command tree in-process and captures what it prints.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await ResonanceCli.RunAsync(args, CliConsole.Plain(output, error), TestContext.Current.CancellationToken);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>The JSON the command printed, after asserting that it succeeded.</summary>
    public System.Text.Json.JsonElement Json()
    {
        Assert.True(ExitCode == 0, Error);
        return System.Text.Json.JsonDocument.Parse(Out).RootElement;
    }
}

/// <summary>A temporary folder deleted after the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("resonance-cli-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
