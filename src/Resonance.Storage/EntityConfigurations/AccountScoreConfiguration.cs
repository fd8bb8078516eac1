using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Resonance.Storage.Entities;

namespace Resonance.Storage.EntityConfigurations;

internal sealed class AccountScoreConfiguration : IEntityTypeConfiguration<AccountScoreEntity>
{
    public void Configure(EntityTypeBuilder<AccountScoreEntity> b)
    {
        b.ToTable("account_scores");
        b.Property(s => s.RunId).HasColumnName("run_id");
        b.Property(s => s.AccountId).HasColumnName("account_id");
        b.Property(s => s.Rank).HasColumnName("rank");
        b.Property(s => s.Score).HasColumnName("score");
        b.Property(s => s.Low).HasColumnName("low");
        b.Property(s => s.High).HasColumnName("high");
        b.Property(s => s.Raw).HasColumnName("raw");
        b.Property(s => s.Base).HasColumnName("base");
        b.Property(s => s.Reach).HasColumnName("reach");
        b.Property(s => s.Amplification).HasColumnName("amplification");
        b.Property(s => s.Impact).HasColumnName("impact");
        b.HasKey(s => new { s.RunId, s.AccountId }).HasName("pk_account_scores");
        b.HasIndex(s => new { s.RunId, s.Rank }).HasDatabaseName("ix_account_scores_rank");
        // No foreign keys to score_runs or accounts (ADR 0002): scores are bulk rows written only by the run writers,
        // which insert the header first in the same transaction; a run is never updated and account ids come from the store.
    }
}
