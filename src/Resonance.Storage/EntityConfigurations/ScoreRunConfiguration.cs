using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Resonance.Storage.Entities;

namespace Resonance.Storage.EntityConfigurations;

internal sealed class ScoreRunConfiguration : IEntityTypeConfiguration<ScoreRunEntity>
{
    public void Configure(EntityTypeBuilder<ScoreRunEntity> b)
    {
        b.ToTable("score_runs");
        b.Property(r => r.Id).HasColumnName("id");
        b.Property(r => r.Algorithm).HasColumnName("algorithm");
        b.Property(r => r.Network).HasColumnName("network");
        b.Property(r => r.AsOfMs).HasColumnName("as_of_ms");
        b.Property(r => r.ParametersJson).HasColumnName("parameters_json");
        b.Property(r => r.WatermarkLatestMs).HasColumnName("watermark_latest_ms");
        b.Property(r => r.WatermarkInteractions).HasColumnName("watermark_interactions");
        b.Property(r => r.CodeRevision).HasColumnName("code_revision");
        b.Property(r => r.StartedAt).HasColumnName("started_at");
        b.Property(r => r.FinishedAt).HasColumnName("finished_at");
        b.Property(r => r.TimingsJson).HasColumnName("timings_json");
        b.Property(r => r.CalibrationJson).HasColumnName("calibration_json");
        b.Property(r => r.AmplificationPriorRate).HasColumnName("amplification_prior_rate");
        b.Property(r => r.AccountsScored).HasColumnName("accounts_scored");
        b.Property(r => r.Pairs).HasColumnName("pairs");
        b.Property(r => r.PageRankIterations).HasColumnName("pagerank_iterations");
    }
}
