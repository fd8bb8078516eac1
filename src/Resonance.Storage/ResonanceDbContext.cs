using Microsoft.EntityFrameworkCore;
using Resonance.Storage.Entities;

namespace Resonance.Storage;

/// <summary>EF Core context for metadata. Interactions are mapped for the schema and for queries, but written only by the bulk path.</summary>
public sealed class ResonanceDbContext(DbContextOptions<ResonanceDbContext> options) : DbContext(options)
{
    public DbSet<NetworkEntity> Networks => Set<NetworkEntity>();
    public DbSet<AccountEntity> Accounts => Set<AccountEntity>();
    public DbSet<PostEntity> Posts => Set<PostEntity>();
    public DbSet<InteractionEntity> Interactions => Set<InteractionEntity>();
    public DbSet<ImportRunEntity> ImportRuns => Set<ImportRunEntity>();
    public DbSet<ScoreRunEntity> ScoreRuns => Set<ScoreRunEntity>();
    public DbSet<AccountScoreEntity> AccountScores => Set<AccountScoreEntity>();
    public DbSet<ScoreContributionEntity> ScoreContributions => Set<ScoreContributionEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ResonanceDbContext).Assembly);
}
