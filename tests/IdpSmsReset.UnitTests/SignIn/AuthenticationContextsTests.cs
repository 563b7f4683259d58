using IdpSmsReset.Core.SignIn;

namespace IdpSmsReset.UnitTests.SignIn;

/// <summary>What an application's <c>acr_values</c> ask for, and the <c>acr</c> a session has met.</summary>
public sealed class AuthenticationContextsTests
{
    [Theory]
    [InlineData("mfa", true)]
    [InlineData("pwd mfa", true)]
    [InlineData("urn:unknown mfa", true)]
    [InlineData("pwd", false)]
    [InlineData("MFA", false)]
    [InlineData("mfa2", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void DemandsSecondFactor_AcrValues_OnlyTheExactMfaValueCounts(string? acrValues, bool demanded) =>
        Assert.Equal(demanded, AuthenticationContexts.DemandsSecondFactor(acrValues));

    [Fact]
    public void Of_Amr_MfaOnlyWhenTwoFactorsWereProved()
    {
        Assert.Equal("pwd", AuthenticationContexts.Of([AuthenticationMethods.Password]));
        Assert.Equal("mfa", AuthenticationContexts.Of(AuthenticationMethods.WithSecondFactor(AuthenticationMethods.Sms)));
        Assert.Equal("mfa", AuthenticationContexts.Of(AuthenticationMethods.Passwordless(AuthenticationMethods.HardwareKey)));
    }
}
