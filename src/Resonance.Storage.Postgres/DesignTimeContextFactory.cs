using Microsoft.EntityFrameworkCore.Design;

namespace Resonance.Storage.Postgres;

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL model: <c>dotnet ef migrations add NAME --project src/Resonance.Storage.Postgres</c>.</summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<ResonanceDbContext>
{
    public ResonanceDbContext CreateDbContext(string[] args) =>
        new PostgresResonanceStore(DatabaseLocation.Parse("Host=localhost;Database=resonance_design")).CreateContext();
}
