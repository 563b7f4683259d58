using IdpSmsReset.Core.Messaging;

namespace IdpSmsReset.UnitTests.Messaging;

/// <summary>Which account a message's next attempt goes through: one account per message, whatever happened before.</summary>
public sealed class SmsAccountChoiceTests
{
    [Theory]
    // A first attempt: the primary, unless its breaker is open.
    [InlineData(null, null, false, false, true, "primary")]
    [InlineData(null, null, false, true, true, "secondary")]
    // An attempt that may have reached Twilio stays where it was, even with the primary's breaker open.
    [InlineData("primary", "unreachable", true, true, true, "primary")]
    [InlineData("secondary", null, true, false, true, "secondary")]
    // A definite failure moves the message to the other account.
    [InlineData("primary", "provider_error", false, false, true, "secondary")]
    [InlineData("primary", "throttled", false, false, true, "secondary")]
    [InlineData("primary", "account_unavailable", false, false, true, "secondary")]
    [InlineData("primary", "circuit_open", false, false, true, "secondary")]
    [InlineData("secondary", "provider_error", false, false, true, "primary")]
    // Without a usable secondary, always the primary.
    [InlineData("primary", "provider_error", false, true, false, "primary")]
    [InlineData(null, null, false, true, false, "primary")]
    public void For_HistoryAndBreaker_TheAccount(string? lastAccount, string? lastError, bool mayHaveGone, bool primaryOpen,
        bool hasSecondary, string expected) =>
        Assert.Equal(expected, SmsAccountChoice.For(lastAccount, lastError, mayHaveGone, primaryOpen, hasSecondary));
}
