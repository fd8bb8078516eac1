using Microsoft.EntityFrameworkCore.Design;

namespace Resonance.Storage.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite model: <c>dotnet ef migrations add NAME --project src/Resonance.Storage.Sqlite</c>.</summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<ResonanceDbContext>
{
    public ResonanceDbContext CreateDbContext(string[] args) =>
        new SqliteResonanceStore(DatabaseLocation.Parse("design-time.db")).CreateContext();
}
