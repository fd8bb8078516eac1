using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Resonance.Storage.Entities;

namespace Resonance.Storage.EntityConfigurations;

internal sealed class TopicScoreConfiguration : IEntityTypeConfiguration<TopicScoreEntity>
{
    public void Configure(EntityTypeBuilder<TopicScoreEntity> b)
    {
        b.ToTable("topic_scores");
        b.Property(s => s.RunId).HasColumnName("run_id");
        b.Property(s => s.AccountId).HasColumnName("account_id");
        b.Property(s => s.Topic).HasColumnName("topic");
        b.Property(s => s.Rank).HasColumnName("rank");
        b.Property(s => s.Score).HasColumnName("score");
        b.Property(s => s.Low).HasColumnName("low");
        b.Property(s => s.High).HasColumnName("high");
        b.Property(s => s.Raw).HasColumnName("raw");
        b.Property(s => s.Base).HasColumnName("base");
        b.Property(s => s.Reach).HasColumnName("reach");
        b.Property(s => s.Amplification).HasColumnName("amplification");
        b.Property(s => s.Impact).HasColumnName("impact");
        b.Property(s => s.Posts).HasColumnName("posts");
        b.Property(s => s.Engagements).HasColumnName("engagements");
        b.Property(s => s.Engagers).HasColumnName("engagers");
        // The key serves "topics ACCOUNT" and erasure; the rank index serves "top --topic T".
        b.HasKey(s => new { s.RunId, s.AccountId, s.Topic }).HasName("pk_topic_scores");
        b.HasIndex(s => new { s.RunId, s.Topic, s.Rank }).HasDatabaseName("ix_topic_scores_rank");
        // No foreign keys, as for the other bulk tables of a run (ADR 0002).
    }
}
