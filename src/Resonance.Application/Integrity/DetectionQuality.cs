using Resonance.Application.Synthetic;
using Resonance.Engine.Statistics;

namespace Resonance.Application.Integrity;

/// <summary>How well one planted class is detected.</summary>
/// <param name="Class">bots, pod members or farm accounts.</param>
/// <param name="Positives">Planted accounts of the class found in the log.</param>
/// <param name="Negatives">Genuine accounts (in no planted class) in the log.</param>
/// <param name="Auc">ROC AUC of the likelihood, the class against genuine accounts.</param>
/// <param name="Precision">Of the flagged accounts among the class and the genuine, the share in the class.</param>
/// <param name="Recall">Share of the class flagged.</param>
/// <param name="GenuineFlagged">Genuine accounts flagged (false positives shared by every class).</param>
public sealed record ClassDetection(string Class, int Positives, int Negatives, double Auc, double Precision, double Recall, int GenuineFlagged);

/// <summary>Detection quality of an <see cref="InauthenticityModel"/> on planted truth.</summary>
/// <remarks>Each class is scored against the genuine accounts only (accounts in no planted class; the farm's hub, an
/// ordinary member whose followers are inflated, counts as genuine), so a bot ranked above a pod member does not count
/// against the pod. ROC AUC: <see cref="RocAuc.Compute"/> (Mann–Whitney). O(n log n) per class; deterministic.</remarks>
public static class DetectionQuality
{
    /// <summary>Detection of bots, pod members and farm accounts, in that order.</summary>
    public static IReadOnlyList<ClassDetection> Evaluate(InauthenticityModel model, GroundTruth truth) =>
        Evaluate(model, truth, model.Likelihood);

    /// <summary>Detection of each planted class by an arbitrary per-account score (for example one signal's).</summary>
    public static IReadOnlyList<ClassDetection> Evaluate(InauthenticityModel model, GroundTruth truth, double[] score)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(score);
        var planted = new HashSet<string>(truth.Bots.Concat(truth.PodMembers).Concat(truth.FarmAccounts), StringComparer.Ordinal);
        var ids = model.Log.AccountIds;
        var genuine = Enumerable.Range(0, ids.Length).Where(a => !planted.Contains(ids[a])).ToArray();
        var falsePositives = genuine.Count(a => score[a] >= InauthenticityModel.DefaultThreshold);
        return [One("bots", truth.Bots), One("pod members", truth.PodMembers), One("farm accounts", truth.FarmAccounts)];

        ClassDetection One(string name, IReadOnlyList<string> members)
        {
            var set = new HashSet<string>(members, StringComparer.Ordinal);
            var positives = Enumerable.Range(0, ids.Length).Where(a => set.Contains(ids[a])).ToArray();
            var scores = positives.Concat(genuine).Select(a => score[a]).ToArray();
            var labels = positives.Select(_ => true).Concat(genuine.Select(_ => false)).ToArray();
            var hits = positives.Count(a => score[a] >= InauthenticityModel.DefaultThreshold);
            var precision = hits + falsePositives == 0 ? double.NaN : hits / (double)(hits + falsePositives);
            var recall = positives.Length == 0 ? double.NaN : hits / (double)positives.Length;
            return new ClassDetection(name, positives.Length, genuine.Length, RocAuc.Compute(scores, labels), precision, recall, falsePositives);
        }
    }
}
