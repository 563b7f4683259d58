using System.Net;
using System.Text.RegularExpressions;
using IdpSmsReset.Core.Problems;
using static IdpSmsReset.Core.Federation.IdentityProviderVocabulary;

namespace IdpSmsReset.Core.Federation;

/// <summary>What makes an identity provider's definition acceptable; each problem names its field.</summary>
public static partial class IdentityProviderRules
{
    /// <param name="hasStoredSecret">A change may leave the secret out and keep the stored one.</param>
    /// <param name="allowLoopbackHttp">Development: an <c>http</c> issuer on a loopback address (a test's upstream).</param>
    public static IReadOnlyList<FieldProblem> Validate(IdentityProviderDefinition definition, bool hasStoredSecret, bool allowLoopbackHttp)
    {
        var problems = new List<FieldProblem>();
        void Fail(string field, string problem) => problems.Add(new(field, problem));

        if (string.IsNullOrWhiteSpace(definition.Name))
        {
            Fail("name", "is required.");
        }
        else if (!NamePattern().IsMatch(definition.Name))
        {
            Fail("name", $"must be lower-case letters, digits and hyphens, starting with a letter or digit, at most {MaxNameLength}.");
        }

        if (definition.Type is null || !Types.Contains(definition.Type))
        {
            Fail("type", $"must be one of {string.Join(", ", Types)}.");
        }

        if (string.IsNullOrWhiteSpace(definition.DisplayName))
        {
            Fail("displayName", "is required.");
        }
        else if (definition.DisplayName.Length > MaxDisplayNameLength || TextRules.HasControlCharacters(definition.DisplayName))
        {
            Fail("displayName", $"must be at most {MaxDisplayNameLength} characters, without control characters.");
        }

        ValidateIssuer(definition.Issuer, allowLoopbackHttp, Fail);

        if (string.IsNullOrWhiteSpace(definition.ClientId) || TextRules.HasControlCharacters(definition.ClientId))
        {
            Fail("clientId", "is required, without control characters.");
        }

        if (string.IsNullOrEmpty(definition.ClientSecret) ? !hasStoredSecret : TextRules.HasControlCharacters(definition.ClientSecret))
        {
            Fail("clientSecret", hasStoredSecret || !string.IsNullOrEmpty(definition.ClientSecret) ? "must not contain control characters."
                : "is required.");
        }

        foreach (var scope in definition.Scopes ?? [])
        {
            if (!ScopePattern().IsMatch(scope))
            {
                Fail("scopes", $"'{Shown(scope)}' is not a scope (RFC 6749: printable characters, no spaces or quotes).");
            }
        }

        foreach (var (field, claim) in ClaimsOf(definition.Claims))
        {
            if (claim is not null && !ClaimPattern().IsMatch(claim))
            {
                Fail($"claims.{field}", $"'{Shown(claim)}' is not a claim name.");
            }
        }

        foreach (var domain in definition.EmailDomains ?? [])
        {
            if (!DomainPattern().IsMatch(domain))
            {
                Fail("emailDomains", $"'{Shown(domain)}' is not a domain name (like corp.example).");
            }
        }

        if (definition.Provisioning is not null && !ProvisioningModes.Contains(definition.Provisioning))
        {
            Fail("provisioning", $"must be one of {string.Join(", ", ProvisioningModes)}.");
        }

        return problems;
    }

    private static void ValidateIssuer(string? issuer, bool allowLoopbackHttp, Action<string, string> fail)
    {
        if (!Uri.TryCreate(issuer, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.Query)
            || !string.IsNullOrEmpty(uri.Fragment))
        {
            fail("issuer", "must be the provider's absolute issuer URI, without query or fragment.");
        }
        else if (uri.Scheme != Uri.UriSchemeHttps && !(allowLoopbackHttp && uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri)))
        {
            fail("issuer", "must use https (http is accepted only on a loopback address in Development).");
        }
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static IEnumerable<(string Field, string? Claim)> ClaimsOf(IdentityProviderClaimMapping? claims) =>
        claims is null ? [] : [("userName", claims.UserName), ("email", claims.Email), ("displayName", claims.DisplayName),
            ("phone", claims.Phone)];

    // What a problem quotes back: short, and without what a terminal or a log would act on.
    private static string Shown(string value) => new([.. value.Take(40).Select(character => char.IsControl(character) ? '?' : character)]);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[\x21\x23-\x5B\x5D-\x7E]{1,100}$")]
    private static partial Regex ScopePattern();

    [GeneratedRegex(@"^[A-Za-z0-9_.:/-]{1,100}$")]
    private static partial Regex ClaimPattern();

    [GeneratedRegex(@"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$", RegexOptions.IgnoreCase)]
    private static partial Regex DomainPattern();
}
