namespace Resonance.Application.Members;

/// <summary>What a marketer offers a discoverable member.</summary>
public enum InvitationKind
{
    /// <summary>A perk: a product, a sample, an event seat.</summary>
    Perk = 0,

    /// <summary>A paid or unpaid collaboration.</summary>
    Collaboration = 1,
}

/// <summary>Where an invitation stands; only the invited member moves it.</summary>
public enum InvitationStatus
{
    Sent = 0,
    Accepted = 1,
    Declined = 2,
}

/// <summary>An invitation as its sender or recipient sees it. The recipient is named to the sender only because they
/// chose to be discoverable; the sender is named to the recipient by their user name.</summary>
public sealed record InvitationInfo(long Id, string FromUserId, string FromName, string ToUserId, string ToName, InvitationKind Kind,
    string Message, InvitationStatus Status, DateTimeOffset SentAt, DateTimeOffset? DecidedAt);
