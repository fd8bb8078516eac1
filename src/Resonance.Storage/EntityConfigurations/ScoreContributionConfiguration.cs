using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Resonance.Storage.Entities;

namespace Resonance.Storage.EntityConfigurations;

internal sealed class ScoreContributionConfiguration : IEntityTypeConfiguration<ScoreContributionEntity>
{
    public void Configure(EntityTypeBuilder<ScoreContributionEntity> b)
    {
        b.ToTable("score_contributions");
        b.Property(c => c.RunId).HasColumnName("run_id");
        b.Property(c => c.AccountId).HasColumnName("account_id");
        b.Property(c => c.EngagerId).HasColumnName("engager_id");
        b.Property(c => c.Reach).HasColumnName("reach");
        b.Property(c => c.Amplification).HasColumnName("amplification");
        b.Property(c => c.Impact).HasColumnName("impact");
        // The key leads with the account explained ("who made this score"); the engager index serves "whom did X lift".
        b.HasKey(c => new { c.RunId, c.AccountId, c.EngagerId }).HasName("pk_score_contributions");
        b.HasIndex(c => new { c.RunId, c.EngagerId }).HasDatabaseName("ix_score_contributions_engager");
        // No foreign keys, as for the other bulk tables (ADR 0002).
    }
}
