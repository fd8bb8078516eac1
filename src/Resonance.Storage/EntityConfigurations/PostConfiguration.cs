using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Resonance.Storage.Entities;

namespace Resonance.Storage.EntityConfigurations;

internal sealed class PostConfiguration : IEntityTypeConfiguration<PostEntity>
{
    public void Configure(EntityTypeBuilder<PostEntity> b)
    {
        b.ToTable("posts");
        b.Property(p => p.Id).HasColumnName("id");
        b.Property(p => p.NetworkId).HasColumnName("network_id");
        b.Property(p => p.ExternalId).HasColumnName("external_id");
        b.Property(p => p.AuthorId).HasColumnName("author_id");
        b.Property(p => p.CreatedAtMs).HasColumnName("created_at_ms");
        b.Property(p => p.Text).HasColumnName("text");
        b.Property(p => p.Hashtags).HasColumnName("hashtags");
        b.Property(p => p.ReplyTo).HasColumnName("reply_to");
        b.Property(p => p.QuoteOf).HasColumnName("quote_of");
        b.Property(p => p.RepostOf).HasColumnName("repost_of");
        b.Property(p => p.Topics).HasColumnName("topics");
        b.Property(p => p.TopicsTaxonomy).HasColumnName("topics_taxonomy");
        b.HasIndex(p => new { p.NetworkId, p.ExternalId }).IsUnique();
        b.HasIndex(p => p.AuthorId);
        // No foreign keys, as for accounts and interactions: posts are bulk data and the import sessions resolve every id.
    }
}
