using System.Net;
using System.Net.Sockets;

namespace Resonance.Cli.Tests;

public sealed class ServeCommandTests
{
    [Theory]
    [InlineData("not-a-url")]
    [InlineData("ftp://127.0.0.1:5080")]
    public async Task Serve_WithAnAddressThatIsNotAUrl_FailsWithUsageAndSaysWhy(string urls)
    {
        using var temp = new TempFolder();

        var run = await CliRun.RunAsync("serve", "--urls", urls, "--db", temp.File("resonance.db"));

        Assert.Equal(64, run.ExitCode);
        Assert.Contains($"--urls: '{urls}' is not a URL to listen on", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error + run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_OnAnAddressAlreadyInUse_FailsWith69InOneLine()
    {
        using var temp = new TempFolder();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var run = await CliRun.RunAsync("serve", "--urls", $"http://127.0.0.1:{port}", "--db", temp.File("resonance.db"));

        Assert.Equal(69, run.ExitCode);
        Assert.Contains($"cannot listen on http://127.0.0.1:{port}", run.Error, StringComparison.Ordinal);
        Assert.Contains("address already in use", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error + run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_OnANewSqlitePath_SaysItCreatedAnEmptyDatabase()
    {
        using var temp = new TempFolder();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var db = temp.File("new/resonance.db");

        var run = await CliRun.RunAsync("serve", "--urls", $"http://127.0.0.1:{port}", "--db", db);
        var again = await CliRun.RunAsync("serve", "--urls", $"http://127.0.0.1:{port}", "--db", db);

        Assert.Contains($"There was no database at {db}: created an empty one.", run.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(db));
        Assert.DoesNotContain("There was no database", again.Out, StringComparison.Ordinal);
    }
}
