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
        // The key serves "topics ACCOUNT" and erasure; the rank index serves "top --topic T".
        b.HasKey(s => new { s.RunId, s.AccountId, s.Topic }).HasName("pk_topic_scores");
        b.HasIndex(s => new { s.RunId, s.Topic, s.Rank }).HasDatabaseName("ix_topic_scores_rank");
        // No foreign keys, as for the other bulk tables of a run (ADR 0002).
    }
}

internal sealed class TopicContributionConfiguration : IEntityTypeConfiguration<TopicContributionEntity>
{
    public void Configure(EntityTypeBuilder<TopicContributionEntity> b)
    {
        b.ToTable("topic_contributions");
        b.Property(c => c.RunId).HasColumnName("run_id");
        b.Property(c => c.Topic).HasColumnName("topic");
        b.Property(c => c.AccountId).HasColumnName("account_id");
        b.Property(c => c.EngagerId).HasColumnName("engager_id");
        b.Property(c => c.Reach).HasColumnName("reach");
        b.Property(c => c.Amplification).HasColumnName("amplification");
        b.Property(c => c.Impact).HasColumnName("impact");
        // The key leads with the account explained. No index by engager: "whom did X lift on T" scans topic T's rows of the
        // run (a range of the key), and the run's save, millions of rows, does not pay for a second B-tree filled in
        // random order (it doubled the table's insert time; bench/README.md).
        b.HasKey(c => new { c.RunId, c.Topic, c.AccountId, c.EngagerId }).HasName("pk_topic_contributions");
    }
}

internal sealed class AccountTopicConfiguration : IEntityTypeConfiguration<AccountTopicEntity>
{
    public void Configure(EntityTypeBuilder<AccountTopicEntity> b)
    {
        b.ToTable("account_topics");
        b.Property(t => t.RunId).HasColumnName("run_id");
        b.Property(t => t.AccountId).HasColumnName("account_id");
        b.Property(t => t.Topic).HasColumnName("topic");
        b.Property(t => t.Position).HasColumnName("position");
        b.Property(t => t.Posts).HasColumnName("posts");
        b.Property(t => t.Engagements).HasColumnName("engagements");
        b.Property(t => t.Engagers).HasColumnName("engagers");
        b.Property(t => t.Terms).HasColumnName("terms");
        b.Property(t => t.TopPosts).HasColumnName("top_posts");
        b.HasKey(t => new { t.RunId, t.AccountId, t.Topic }).HasName("pk_account_topics");
    }
}
