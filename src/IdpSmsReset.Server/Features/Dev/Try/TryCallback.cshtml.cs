using IdpSmsReset.Server.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Server.Features.Dev.Try;

/// <summary>
/// <c>/dev/try/callback</c>: the redirect URI of <see cref="TryItModel"/>'s sign-in. It checks the state, redeems the code
/// with the PKCE verifier, checks the ID token, and shows the tokens decoded, userinfo's answer, and a refresh.
/// </summary>
internal sealed class TryCallbackModel(IHostEnvironment environment, TryRelyingParty relyingParty, IDataProtectionProvider protection,
    IOptions<IdpOptions> options, TimeProvider time) : PageModel
{
    /// <summary>Why there is nothing to show: an OAuth error, or a sign-in this page cannot trust.</summary>
    public string? Problem { get; private set; }

    public string? ErrorCode { get; private set; }

    public TryFlow? Flow { get; private set; }

    public TryTokens? Tokens { get; private set; }

    public (string Header, string Claims)? IdToken { get; private set; }

    /// <summary>Null when the ID token passed every check a relying application makes.</summary>
    public string? IdTokenProblem { get; private set; }

    public (string Header, string Claims)? AccessToken { get; private set; }

    public string? UserInfo { get; private set; }

    public bool Refreshed { get; private set; }

    public string? SignOutUrl { get; private set; }

    private string Issuer => options.Value.IssuerBase;

    public async Task<IActionResult> OnGetAsync(string? code, string? state, string? error,
        [FromQuery(Name = "error_description")] string? errorDescription, CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment())
        {
            return NotFound();
        }

        Flow = TryFlow.Read(Request, protection);
        if (Flow is null || time.GetUtcNow() - Flow.StartedAt > TryFlow.Lifetime)
        {
            Problem = "This sign-in was not started on this page, or was started more than 30 minutes ago: start again.";
            return Page();
        }

        if (!string.Equals(state, Flow.State, StringComparison.Ordinal))
        {
            Problem = "The state does not match the one this sign-in sent: the answer is for another request, so it is ignored.";
            return Page();
        }

        if (error is not null || code is null)
        {
            ErrorCode = error ?? "invalid_request";
            Problem = errorDescription ?? "The authorization server answered without a code.";
            return Page();
        }

        var discovery = await relyingParty.DiscoverAsync(Issuer, cancellationToken);
        await ShowAsync(discovery, await relyingParty.RedeemAsync(discovery, Flow, code, Issuer + TryItModel.CallbackPath,
            cancellationToken), nonceRequired: true, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRefreshAsync(string? refreshToken, CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment())
        {
            return NotFound();
        }

        Flow = TryFlow.Read(Request, protection);
        if (Flow is null || string.IsNullOrEmpty(refreshToken))
        {
            Problem = "There is no sign-in to refresh: start again.";
            return Page();
        }

        Refreshed = true;
        var discovery = await relyingParty.DiscoverAsync(Issuer, cancellationToken);
        await ShowAsync(discovery, await relyingParty.RefreshAsync(discovery, Flow, refreshToken, cancellationToken),
            nonceRequired: false, cancellationToken);
        return Page();
    }

    private async Task ShowAsync(TryDiscovery discovery, TryTokens tokens, bool nonceRequired, CancellationToken cancellationToken)
    {
        Tokens = tokens;
        if (tokens.Error is not null)
        {
            ErrorCode = tokens.Error;
            Problem = tokens.ErrorDescription ?? "The token endpoint refused the request.";
            return;
        }

        IdToken = TryRelyingParty.Decode(tokens.IdToken);
        IdTokenProblem = tokens.IdToken is null ? null
            : await relyingParty.ProblemWithIdTokenAsync(discovery, tokens.IdToken, Flow!, nonceRequired, cancellationToken);
        AccessToken = TryRelyingParty.Decode(tokens.AccessToken);
        UserInfo = tokens.AccessToken is null ? null : await relyingParty.UserInfoAsync(discovery, tokens.AccessToken, cancellationToken);
        SignOutUrl = discovery.EndSessionEndpoint is null || tokens.IdToken is null ? null
            : Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(discovery.EndSessionEndpoint, new Dictionary<string, string?>
            {
                ["id_token_hint"] = tokens.IdToken, ["post_logout_redirect_uri"] = Issuer + "/dev/try",
            });
    }
}
