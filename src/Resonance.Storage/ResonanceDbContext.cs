using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Resonance.Storage.Entities;
using Resonance.Storage.Members;

namespace Resonance.Storage;

/// <summary>EF Core context for metadata and members (ASP.NET Core Identity tables included). Interactions are mapped
/// for the schema and for queries, but written only by the bulk path.</summary>
public sealed class ResonanceDbContext(DbContextOptions<ResonanceDbContext> options) : IdentityDbContext<MemberUser>(options)
{
    public DbSet<NetworkEntity> Networks => Set<NetworkEntity>();
    public DbSet<AccountEntity> Accounts => Set<AccountEntity>();
    public DbSet<PostEntity> Posts => Set<PostEntity>();
    public DbSet<InteractionEntity> Interactions => Set<InteractionEntity>();
    public DbSet<ImportRunEntity> ImportRuns => Set<ImportRunEntity>();
    public DbSet<ScoreRunEntity> ScoreRuns => Set<ScoreRunEntity>();
    public DbSet<AccountScoreEntity> AccountScores => Set<AccountScoreEntity>();
    public DbSet<ScoreContributionEntity> ScoreContributions => Set<ScoreContributionEntity>();
    public DbSet<CommunityEntity> Communities => Set<CommunityEntity>();
    public DbSet<CommunityMemberEntity> CommunityMembers => Set<CommunityMemberEntity>();
    public DbSet<TopicScoreEntity> TopicScores => Set<TopicScoreEntity>();
    public DbSet<AccountClaimEntity> AccountClaims => Set<AccountClaimEntity>();
    public DbSet<TombstoneEntity> Tombstones => Set<TombstoneEntity>();
    public DbSet<InstanceSettingEntity> InstanceSettings => Set<InstanceSettingEntity>();
    public DbSet<InvitationEntity> Invitations => Set<InvitationEntity>();
    public DbSet<ApiTokenEntity> ApiTokens => Set<ApiTokenEntity>();
    public DbSet<ScoringJobEntity> ScoringJobs => Set<ScoringJobEntity>();
    public DbSet<HiddenTopicEntity> HiddenTopics => Set<HiddenTopicEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ResonanceDbContext).Assembly);
    }
}
