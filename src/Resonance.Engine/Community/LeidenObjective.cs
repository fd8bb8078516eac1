namespace Resonance.Engine.Community;

/// <summary>The quality function <see cref="Leiden"/> maximises.</summary>
public enum LeidenObjective
{
    /// <summary>Modularity with resolution γ (<see cref="Modularity"/>): node weights are strengths, γ' = γ/2m.</summary>
    Modularity,

    /// <summary>The Constant Potts Model with resolution γ (<see cref="ConstantPottsModel"/>): node weights are 1, γ' = γ.</summary>
    Cpm,
}
