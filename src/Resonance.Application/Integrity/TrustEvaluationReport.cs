namespace Resonance.Application.Integrity;

/// <summary>How well one predictor ranks untrusted users below the rest.</summary>
/// <param name="Name">The predictor.</param>
/// <param name="Auc">ROC AUC with "trusted or unknown" as the positive class: 1 puts every untrusted user below every
/// other evaluated user, 0.5 is chance, below 0.5 ranks the untrusted <em>higher</em>.</param>
public sealed record TrustPredictorResult(string Name, double Auc);

/// <summary>The outcome of <see cref="TrustEvaluation.Run"/>.</summary>
/// <param name="Users">Users that rated or were rated (the nodes of every walk).</param>
/// <param name="Evaluated">Users rated by at least one other user.</param>
/// <param name="Untrusted">Evaluated users whose received ratings sum to less than zero.</param>
/// <param name="Seeds">The trusted seeds, as external ids, most distinct positive raters first.</param>
/// <param name="Iterations">The power iterations of every walk.</param>
/// <param name="Predictors">The walks of <see cref="TrustEvaluation.Walks"/> in order, then the endorser count and raw in-degree.</param>
public sealed record TrustEvaluationReport(
    int Users, int Evaluated, int Untrusted, IReadOnlyList<long> Seeds, int Iterations, IReadOnlyList<TrustPredictorResult> Predictors)
{
    /// <summary>Returns the AUC of the predictor called <paramref name="name"/>.</summary>
    /// <exception cref="InvalidOperationException">No predictor has that name.</exception>
    public double Auc(string name) => Predictors.Single(p => p.Name == name).Auc;
}
