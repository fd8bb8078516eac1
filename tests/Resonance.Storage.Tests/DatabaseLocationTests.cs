using Npgsql;

namespace Resonance.Storage.Tests;

/// <summary>A PostgreSQL server on this machine is reached without TLS unless the reference asks for an SSL mode.</summary>
public sealed class DatabaseLocationTests
{
    private static SslMode SslModeOf(string reference) =>
        new NpgsqlConnectionStringBuilder(DatabaseLocation.Parse(reference).ConnectionString).SslMode;

    [Theory]
    [InlineData("postgres://someone:secret@127.0.0.1:5432/resonance")]
    [InlineData("postgresql://someone@localhost/resonance")]
    [InlineData("Host=127.0.0.1;Port=5432;Username=someone;Database=resonance")]
    [InlineData("Host=::1;Username=someone;Database=resonance")]
    public void Parse_LoopbackWithoutSslMode_AllowsPlainConnections(string reference) =>
        Assert.Equal(SslMode.Allow, SslModeOf(reference));

    [Theory]
    [InlineData("postgres://someone@127.0.0.1/resonance?sslmode=require", SslMode.Require)]
    [InlineData("postgres://someone@localhost/resonance?ssl_mode=prefer", SslMode.Prefer)]
    [InlineData("Host=127.0.0.1;Database=resonance;SSL Mode=VerifyFull", SslMode.VerifyFull)]
    [InlineData("Host=localhost;Database=resonance;SslMode=Require", SslMode.Require)]
    public void Parse_GivenSslMode_IsKept(string reference, SslMode expected) =>
        Assert.Equal(expected, SslModeOf(reference));

    [Theory]
    [InlineData("postgres://someone@db.example.org/resonance")]
    [InlineData("Host=10.1.2.3;Database=resonance")]
    public void Parse_RemoteHost_KeepsNpgsqlsDefault(string reference) =>
        Assert.Equal(new NpgsqlConnectionStringBuilder().SslMode, SslModeOf(reference));

    [Fact]
    public async Task LoopbackServerThatOffersTls_StoreConnectionIsPlain()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseLocation.Postgres);
        var builder = new NpgsqlConnectionStringBuilder(db.Location.ConnectionString);
        if (!new[] { "127.0.0.1", "localhost", "::1" }.Contains(builder.Host))
        {
            Assert.Skip($"the test server {builder.Host} is not on loopback");
        }

        // Whether the server would have encrypted this connection: a connection that asks for TLS.
        builder.SslMode = SslMode.Prefer;
        await using (var preferring = new NpgsqlConnection(builder.ConnectionString))
        {
            await preferring.OpenAsync(TestContext.Current.CancellationToken);
            await using var probe = new NpgsqlCommand("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", preferring);
            if (await probe.ExecuteScalarAsync(TestContext.Current.CancellationToken) is not true)
            {
                Assert.Skip("the test server does not offer TLS, so there is nothing to skip");
            }
        }

        Assert.Equal(0, await db.ScalarAsync("SELECT count(*) FROM pg_stat_ssl WHERE pid = pg_backend_pid() AND ssl"));
    }
}
