using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Resonance.Application.Scoring;
using Resonance.Storage;
using Resonance.Storage.Members;

namespace Resonance.Server.Hosting;

/// <summary>Scoring runs started from the admin pages: queued in the database, run one at a time in the background,
/// with live progress (phase and fraction) kept in memory and every state change written to <c>scoring_jobs</c>.</summary>
public sealed class ScoringJobs(RelationalResonanceStore store, ILogger<ScoringJobs> log) : BackgroundService
{
    private readonly Channel<long> _queue = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<long, (string Phase, double Done)> _progress = new();

    /// <summary>Live progress of a running job, if it is running.</summary>
    public (string Phase, double Done)? ProgressOf(long jobId) => _progress.TryGetValue(jobId, out var p) ? p : null;

    /// <summary>Queues a run of <paramref name="algorithm"/> (over one network or all); returns the job id.</summary>
    public async Task<long> EnqueueAsync(string requestedBy, AlgorithmId algorithm, string? network, CancellationToken ct = default)
    {
        await using var db = store.CreateContext();
        var job = new ScoringJobEntity
        {
            RequestedBy = requestedBy, Algorithm = algorithm.ToString(), Network = string.IsNullOrWhiteSpace(network) ? null : network.Trim(),
            State = "queued", CreatedAtMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        };
        db.ScoringJobs.Add(job);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await _queue.Writer.WriteAsync(job.Id, ct).ConfigureAwait(false);
        return job.Id;
    }

    /// <summary>The latest jobs, newest first.</summary>
    public async Task<IReadOnlyList<ScoringJobEntity>> RecentAsync(int count, CancellationToken ct = default)
    {
        await using var db = store.CreateContext();
        return await db.ScoringJobs.AsNoTracking().OrderByDescending(j => j.Id).Take(count).ToListAsync(ct).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var id in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            await RunAsync(id, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task RunAsync(long id, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        var job = await db.ScoringJobs.SingleAsync(j => j.Id == id, ct).ConfigureAwait(false);
        job.State = "running";
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        _progress[id] = ("starting", 0);
        try
        {
            var progress = new SyncProgress(p => _progress[id] = p);
            var run = await new ScoringService(store).RunAsync(new ScoreRequest(AlgorithmId.Parse(job.Algorithm), Network: job.Network), progress, ct).ConfigureAwait(false);
            (job.State, job.RunId, job.Progress, job.Phase) = ("succeeded", run.Id, 1, "done");
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.Data.Common.DbException)
        {
            log.LogWarning(e, "scoring job {Job} failed", id);
            (job.State, job.Error) = ("failed", e.Message);
        }
        finally
        {
            _progress.TryRemove(id, out _);
        }
        job.FinishedAtMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post reports that could outlive the job).</summary>
    private sealed class SyncProgress(Action<(string Phase, double Done)> report) : IProgress<(string Phase, double Done)>
    {
        public void Report((string Phase, double Done) value) => report(value);
    }
}
