using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Resonance.Storage.Entities;

namespace Resonance.Storage.EntityConfigurations;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<AccountEntity>
{
    public void Configure(EntityTypeBuilder<AccountEntity> b)
    {
        b.ToTable("accounts");
        b.Property(a => a.Id).HasColumnName("id");
        b.Property(a => a.NetworkId).HasColumnName("network_id");
        b.Property(a => a.ExternalId).HasColumnName("external_id");
        b.Property(a => a.Handle).HasColumnName("handle");
        b.Property(a => a.DisplayName).HasColumnName("display_name");
        b.HasIndex(a => new { a.NetworkId, a.ExternalId }).IsUnique();
        // No foreign key to networks: accounts are bulk data written only by import sessions, which take network ids
        // from the networks table themselves; a per-row FK trigger doubled PostgreSQL's COPY time for Higgs accounts.
    }
}
