using IdpSmsReset.Core.Federation;

namespace IdpSmsReset.UnitTests.Federation;

public sealed class FederatedIdentityTests
{
    private static FederatedIdentity SaidMfaWith(params string[] methods) => new("sub-1", new Dictionary<string, string>(), methods);

    [Fact]
    public void ProvedWith_UntrustedProvider_FedOnlyWhateverTheUpstreamSays() =>
        Assert.Equal(["fed"], SaidMfaWith("pwd", "otp", "mfa").ProvedWith(new IdentityProvider { TrustUpstreamMfa = false }));

    [Fact]
    public void ProvedWith_TrustedProviderWithoutMfa_FedOnly() =>
        Assert.Equal(["fed"], SaidMfaWith("pwd", "otp").ProvedWith(new IdentityProvider { TrustUpstreamMfa = true }));

    [Fact]
    public void ProvedWith_TrustedProviderSaysMfa_UpstreamsKnownMethodsWithoutItsPasswordThenMfa() =>
        Assert.Equal(["fed", "hwk", "mfa"],
            SaidMfaWith("pwd", "hwk", "admin-override", "mfa", "hwk").ProvedWith(new IdentityProvider { TrustUpstreamMfa = true }));
}
