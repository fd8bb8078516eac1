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

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<InvitationEntity>
{
    public void Configure(EntityTypeBuilder<InvitationEntity> b)
    {
        b.ToTable("invitations");
        b.Property(i => i.Id).HasColumnName("id");
        b.Property(i => i.FromUserId).HasColumnName("from_user_id");
        b.Property(i => i.ToUserId).HasColumnName("to_user_id");
        b.Property(i => i.Kind).HasColumnName("kind");
        b.Property(i => i.Message).HasColumnName("message").HasMaxLength(2000);
        b.Property(i => i.Status).HasColumnName("status");
        b.Property(i => i.SentAtMs).HasColumnName("sent_at_ms");
        b.Property(i => i.DecidedAtMs).HasColumnName("decided_at_ms");
        b.HasIndex(i => i.ToUserId);
        b.HasIndex(i => i.FromUserId);
        b.HasOne<MemberUser>().WithMany().HasForeignKey(i => i.FromUserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<MemberUser>().WithMany().HasForeignKey(i => i.ToUserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiTokenEntity>
{
    public void Configure(EntityTypeBuilder<ApiTokenEntity> b)
    {
        b.ToTable("api_tokens");
        b.Property(t => t.Id).HasColumnName("id");
        b.Property(t => t.UserId).HasColumnName("user_id");
        b.Property(t => t.Name).HasColumnName("name").HasMaxLength(100);
        b.Property(t => t.SecretHash).HasColumnName("secret_hash");
        b.Property(t => t.Scopes).HasColumnName("scopes");
        b.Property(t => t.CreatedAtMs).HasColumnName("created_at_ms");
        b.Property(t => t.LastUsedAtMs).HasColumnName("last_used_at_ms");
        b.Property(t => t.Revoked).HasColumnName("revoked");
        b.HasIndex(t => t.SecretHash).IsUnique();
        b.HasOne<MemberUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScoringJobConfiguration : IEntityTypeConfiguration<ScoringJobEntity>
{
    public void Configure(EntityTypeBuilder<ScoringJobEntity> b)
    {
        b.ToTable("scoring_jobs");
        b.Property(j => j.Id).HasColumnName("id");
        b.Property(j => j.RequestedBy).HasColumnName("requested_by");
        b.Property(j => j.Algorithm).HasColumnName("algorithm");
        b.Property(j => j.Network).HasColumnName("network");
        b.Property(j => j.State).HasColumnName("state");
        b.Property(j => j.Phase).HasColumnName("phase");
        b.Property(j => j.Progress).HasColumnName("progress");
        b.Property(j => j.RunId).HasColumnName("run_id");
        b.Property(j => j.Error).HasColumnName("error");
        b.Property(j => j.CreatedAtMs).HasColumnName("created_at_ms");
        b.Property(j => j.FinishedAtMs).HasColumnName("finished_at_ms");
    }
}

internal sealed class HiddenTopicConfiguration : IEntityTypeConfiguration<HiddenTopicEntity>
{
    public void Configure(EntityTypeBuilder<HiddenTopicEntity> b)
    {
        b.ToTable("hidden_topics");
        b.HasKey(h => new { h.AccountId, h.Topic });
        b.Property(h => h.AccountId).HasColumnName("account_id");
        b.Property(h => h.Topic).HasColumnName("topic");
        b.Property(h => h.UserId).HasColumnName("user_id");
        b.Property(h => h.Terms).HasColumnName("terms");
        b.Property(h => h.HiddenAtMs).HasColumnName("hidden_at_ms");
        b.HasIndex(h => h.UserId);
        b.HasIndex(h => h.Topic);
        b.HasOne<MemberUser>().WithMany().HasForeignKey(h => h.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
