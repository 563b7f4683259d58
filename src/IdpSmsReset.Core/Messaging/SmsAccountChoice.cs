namespace IdpSmsReset.Core.Messaging;

/// <summary>
/// Which account a message's next attempt goes through: the guarantee that a message is sent by one account only.
/// <list type="bullet">
/// <item>An attempt that may have reached Twilio (it never said how it went, or timed out) is retried on the same
/// account: asking that account whether it took the message is what keeps it from going twice.</item>
/// <item>After a definite failure of an account (it answered, and did not take the message), the other account.</item>
/// <item>Otherwise the primary, unless its breaker was open before the claim; then the secondary.</item>
/// </list>
/// Only an account that is set and validated is ever chosen: without a secondary, everything goes through the primary.
/// </summary>
public static class SmsAccountChoice
{
    public static string For(string? lastAccount, string? lastErrorClass, bool mayHaveGone, bool primaryOpen, bool hasSecondary)
    {
        if (!hasSecondary)
        {
            return SmsAccountNames.Primary;
        }

        if (lastAccount is not null && mayHaveGone)
        {
            return lastAccount;
        }

        if (lastAccount is not null && SmsErrorClasses.IsDefiniteProviderFailure(lastErrorClass))
        {
            return SmsAccountNames.Other(lastAccount);
        }

        return primaryOpen ? SmsAccountNames.Secondary : SmsAccountNames.Primary;
    }
}
