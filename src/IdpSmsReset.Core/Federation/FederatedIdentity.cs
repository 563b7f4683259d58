using IdpSmsReset.Core.SignIn;

namespace IdpSmsReset.Core.Federation;

/// <summary>
/// Who the upstream says the person is: its subject, its claims by name (first value of each), and the methods its
/// <c>amr</c> says the person used there.
/// </summary>
public sealed record FederatedIdentity(string? Subject, IReadOnlyDictionary<string, string> Claims,
    IReadOnlyList<string>? UpstreamMethods = null)
{
    public string? Claim(string name) => Claims.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>
    /// What this sign-in proves here: <c>fed</c>, and when <paramref name="provider"/> is trusted with it and the
    /// upstream says it checked a second factor (<c>amr</c> holds <c>mfa</c>), the upstream's methods and <c>mfa</c>, which
    /// meets a policy's second factor. The upstream's password is its own business, so <c>pwd</c> is not repeated.
    /// </summary>
    public IReadOnlyList<string> ProvedWith(IdentityProvider provider)
    {
        var upstream = UpstreamMethods ?? [];
        if (!provider.TrustUpstreamMfa || !upstream.Contains(AuthenticationMethods.MultiFactor))
        {
            return [AuthenticationMethods.Federated];
        }

        return [AuthenticationMethods.Federated, .. upstream.Where(method => method is not (AuthenticationMethods.Password
            or AuthenticationMethods.Federated or AuthenticationMethods.MultiFactor) && KnownMethod(method)).Distinct(),
            AuthenticationMethods.MultiFactor];
    }

    // RFC 8176's values only: an upstream's own words must not become claims that relying applications act on.
    private static bool KnownMethod(string method) => method is "face" or "fpt" or "geo" or "hwk" or "iris" or "kba" or "mca"
        or "otp" or "pin" or "rba" or "retina" or "sc" or "sms" or "swk" or "tel" or "user" or "vbm" or "wia";
}
