namespace Resonance.Application.Integrity;

/// <summary>One reason behind an account's inauthenticity likelihood.</summary>
/// <param name="Signal">The signal's name (<c>rate</c>, <c>pod</c>, …, or <c>low-trust</c>).</param>
/// <param name="Description">What it measures.</param>
/// <param name="Value">The raw measurement.</param>
/// <param name="Score">Its suspicion in [0, 1] as it entered the combination (the trust term already weighted).</param>
public sealed record InauthenticityReason(string Signal, string Description, double Value, double Score);
