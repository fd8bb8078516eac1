using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Resonance.Storage.Entities;

namespace Resonance.Storage.EntityConfigurations;

internal sealed class CommunityConfiguration : IEntityTypeConfiguration<CommunityEntity>
{
    public void Configure(EntityTypeBuilder<CommunityEntity> b)
    {
        b.ToTable("communities");
        b.Property(c => c.RunId).HasColumnName("run_id");
        b.Property(c => c.CommunityId).HasColumnName("community_id");
        b.Property(c => c.Size).HasColumnName("size");
        b.Property(c => c.Scored).HasColumnName("scored");
        b.HasKey(c => new { c.RunId, c.CommunityId }).HasName("pk_communities");
        // No foreign keys, as for the other bulk tables of a run (ADR 0002).
    }
}

internal sealed class CommunityMemberConfiguration : IEntityTypeConfiguration<CommunityMemberEntity>
{
    public void Configure(EntityTypeBuilder<CommunityMemberEntity> b)
    {
        b.ToTable("community_members");
        b.Property(m => m.RunId).HasColumnName("run_id");
        b.Property(m => m.AccountId).HasColumnName("account_id");
        b.Property(m => m.CommunityId).HasColumnName("community_id");
        b.Property(m => m.CommunityRank).HasColumnName("community_rank");
        b.Property(m => m.Centrality).HasColumnName("centrality");
        b.HasKey(m => new { m.RunId, m.AccountId }).HasName("pk_community_members");
        // "top --community C": a community's members by rank, without reading the whole run.
        b.HasIndex(m => new { m.RunId, m.CommunityId, m.CommunityRank }).HasDatabaseName("ix_community_members_rank");
        // No foreign keys (ADR 0002): erasing an account deletes its rows explicitly.
    }
}
