using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Resonance.Storage.Entities;

namespace Resonance.Storage.EntityConfigurations;

internal sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRunEntity>
{
    public void Configure(EntityTypeBuilder<ImportRunEntity> b)
    {
        b.ToTable("import_runs");
        b.Property(r => r.Id).HasColumnName("id");
        b.Property(r => r.StartedAt).HasColumnName("started_at");
        b.Property(r => r.FinishedAt).HasColumnName("finished_at");
        b.Property(r => r.Format).HasColumnName("format");
        b.Property(r => r.Files).HasColumnName("files");
        b.Property(r => r.Lenient).HasColumnName("lenient");
        b.Property(r => r.RecordsRead).HasColumnName("records_read");
        b.Property(r => r.ErrorsSkipped).HasColumnName("errors_skipped");
        b.Property(r => r.AccountsAdded).HasColumnName("accounts_added");
        b.Property(r => r.AccountsUpdated).HasColumnName("accounts_updated");
        b.Property(r => r.PostsAdded).HasColumnName("posts_added");
        b.Property(r => r.InteractionsAdded).HasColumnName("interactions_added");
        b.Property(r => r.DuplicatesSkipped).HasColumnName("duplicates_skipped");
    }
}
