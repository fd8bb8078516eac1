using System.Text.Json;

namespace Resonance.Cli.Tests;

public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_SmallCommunity_GeneratesImportsAndShowsStats()
    {
        using var temp = new TempFolder();

        var run = await CliRun.RunAsync("demo", "--people", "300", "--seed", "5", "--dir", temp.Path, "--no-serve");
        var again = await CliRun.RunAsync("demo", "--people", "300", "--seed", "5", "--dir", temp.Path, "--no-serve");
        var stats = await CliRun.RunAsync("stats", "--json", "--db", temp.File("resonance.db"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("1/4", run.Out, StringComparison.Ordinal);
        Assert.Contains("3/4", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("4/4", run.Out, StringComparison.Ordinal); // --no-serve stops before serving
        Assert.Contains("run 1: resonance@7", run.Out, StringComparison.Ordinal);
        Assert.Contains("Top influencees", run.Out, StringComparison.Ordinal); // the top account is explained
        Assert.Contains("Next: resonance explain synthetic:", run.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(temp.File("truth.json")));
        var records = File.ReadLines(temp.File("dataset.jsonl")).Count(l => l.Contains("\"type\":\"interaction\"", StringComparison.Ordinal));
        var s = JsonDocument.Parse(stats.Out).RootElement.GetProperty("stats");
        Assert.Equal(records, s.GetProperty("interactions").GetInt64());
        Assert.Equal(300, s.GetProperty("accounts").GetInt64());
        Assert.Equal(1, s.GetProperty("import_runs").GetInt64()); // the second demo started from a fresh database
    }

    [Fact]
    public async Task Demo_Serves_TheAppWithDemoSignIns_UntilCancelled()
    {
        using var temp = new TempFolder();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var synced = TextWriter.Synchronized(output);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var demo = ResonanceCli.RunAsync(["demo", "--people", "300", "--seed", "5", "--dir", temp.Path, "--urls", "http://127.0.0.1:0"],
            CliConsole.Plain(synced, TextWriter.Synchronized(error)), stop.Token);

        var url = await WaitForUrlAsync(output, demo);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(url) };
        var home = await http.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        var printed = output.ToString();
        await stop.CancelAsync();
        var exit = await demo;

        Assert.Contains("4/4", printed, StringComparison.Ordinal);
        Assert.Contains("ada@demo.resonance", printed, StringComparison.Ordinal);
        Assert.Contains("mark@demo.resonance", printed, StringComparison.Ordinal);
        Assert.Contains("admin@demo.resonance", printed, StringComparison.Ordinal);
        Assert.Contains("300 accounts on synthetic", home, StringComparison.Ordinal);
        Assert.Equal(0, exit);
    }

    /// <summary>Waits until the demo prints where it serves; fails if the demo ends first.</summary>
    private static async Task<string> WaitForUrlAsync(StringWriter output, Task<int> demo)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            var text = output.ToString();
            var at = text.IndexOf("Press Ctrl+C", StringComparison.Ordinal);
            if (at >= 0)
            {
                var match = System.Text.RegularExpressions.Regex.Match(text, @"serving .* on (http://127\.0\.0\.1:\d+)");
                Assert.True(match.Success, text);
                return match.Groups[1].Value;
            }
            Assert.False(demo.IsCompleted, $"demo ended before serving: {text}");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException("demo did not start serving within 3 minutes");
    }
}
