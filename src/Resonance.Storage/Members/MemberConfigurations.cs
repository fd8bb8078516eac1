using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Resonance.Storage.Members;

internal sealed class AccountClaimConfiguration : IEntityTypeConfiguration<AccountClaimEntity>
{
    public void Configure(EntityTypeBuilder<AccountClaimEntity> b)
    {
        b.ToTable("account_claims");
        b.Property(c => c.Id).HasColumnName("id");
        b.Property(c => c.UserId).HasColumnName("user_id");
        b.Property(c => c.AccountId).HasColumnName("account_id");
        b.Property(c => c.Code).HasColumnName("code");
        b.Property(c => c.Status).HasColumnName("status");
        b.Property(c => c.Proof).HasColumnName("proof");
        b.Property(c => c.CreatedAtMs).HasColumnName("created_at_ms");
        b.Property(c => c.DecidedAtMs).HasColumnName("decided_at_ms");
        b.HasIndex(c => new { c.UserId, c.AccountId }).IsUnique();
        b.HasIndex(c => c.AccountId);
        b.HasOne<MemberUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TombstoneConfiguration : IEntityTypeConfiguration<TombstoneEntity>
{
    public void Configure(EntityTypeBuilder<TombstoneEntity> b)
    {
        b.ToTable("tombstones");
        b.HasKey(t => t.Hash);
        b.Property(t => t.Hash).HasColumnName("hash");
        b.Property(t => t.ErasedAtMs).HasColumnName("erased_at_ms");
    }
}

internal sealed class InstanceSettingConfiguration : IEntityTypeConfiguration<InstanceSettingEntity>
{
    public void Configure(EntityTypeBuilder<InstanceSettingEntity> b)
    {
        b.ToTable("instance_settings");
        b.HasKey(s => s.Name);
        b.Property(s => s.Name).HasColumnName("name");
        b.Property(s => s.Value).HasColumnName("value");
    }
}

internal sealed class MemberUserConfiguration : IEntityTypeConfiguration<MemberUser>
{
    public void Configure(EntityTypeBuilder<MemberUser> b)
    {
        b.Property(u => u.Visibility).HasColumnName("visibility");
        b.Property(u => u.CreatedAtMs).HasColumnName("created_at_ms");
    }
}
