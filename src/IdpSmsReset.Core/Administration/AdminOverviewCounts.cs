namespace IdpSmsReset.Core.Administration;

/// <param name="SmsFactorUnusable">A policy enables the SMS factor, but no validated Twilio account can send.</param>
public sealed record AdminOverviewCounts(
    int Users, int Policies, int MessagesSent, int MessagesFailed, int ResetsCompleted, int LockedUsers, bool SmsFactorUnusable);
