using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Resonance.Domain;
using Resonance.Storage.Entities;

namespace Resonance.Storage.EntityConfigurations;

internal sealed class NetworkConfiguration : IEntityTypeConfiguration<NetworkEntity>
{
    public void Configure(EntityTypeBuilder<NetworkEntity> b)
    {
        b.ToTable("networks");
        b.Property(n => n.Id).HasColumnName("id");
        b.Property(n => n.Name).HasColumnName("name").HasMaxLength(NetworkName.MaxLength);
        b.HasIndex(n => n.Name).IsUnique();
    }
}
