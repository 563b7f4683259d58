using IdpSmsReset.Server.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Server.Features.Dev.Try;

/// <summary>
/// <c>/dev/try</c> (Development only): a relying application built into the server, to try a sign-in without writing
/// one. It starts the authorization code flow with PKCE for a demo application, with the scopes, prompt, acr_values
/// and ui_locales chosen here; <see cref="TryCallbackModel"/> shows what came back.
/// </summary>
internal sealed class TryItModel(IHostEnvironment environment, TryClients clients, TryRelyingParty relyingParty,
    IDataProtectionProvider protection, IOptions<IdpOptions> options, TimeProvider time) : PageModel
{
    public const string CallbackPath = "/dev/try/callback";

    public IReadOnlyList<TryClient> Clients { get; private set; } = [];

    [BindProperty]
    public TryInput Input { get; set; } = new();

    public string Callback => Issuer + CallbackPath;

    private string Issuer => options.Value.IssuerBase;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment())
        {
            return NotFound();
        }

        Clients = await clients.ListAsync(Callback, cancellationToken);
        Input.ClientId ??= Clients.FirstOrDefault()?.ClientId;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment())
        {
            return NotFound();
        }

        Clients = await clients.ListAsync(Callback, cancellationToken);
        var client = Clients.FirstOrDefault(candidate => candidate.ClientId == Input.ClientId);
        if (Input.ClientId is not null && client is null)
        {
            ModelState.AddModelError("Input.ClientId", "That application does not list this page's callback among its redirect URIs.");
        }

        var secret = client is { IsConfidential: true } ? client.Secret ?? Input.ClientSecret : null;
        if (client is { IsConfidential: true } && string.IsNullOrEmpty(secret))
        {
            ModelState.AddModelError("Input.ClientSecret", "This application is confidential: enter its client secret.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var discovery = await relyingParty.DiscoverAsync(Issuer, cancellationToken);
        var flow = TryFlow.Start(client!.ClientId, secret, time.GetUtcNow());
        flow.Save(Response, protection);
        var parameters = new Dictionary<string, string?>
        {
            ["response_type"] = "code", ["client_id"] = flow.ClientId, ["redirect_uri"] = Callback, ["scope"] = Input.Scope,
            ["state"] = flow.State, ["nonce"] = flow.Nonce, ["code_challenge"] = flow.Challenge, ["code_challenge_method"] = "S256",
            ["prompt"] = Blank(Input.Prompt), ["acr_values"] = Blank(Input.AcrValues), ["ui_locales"] = Blank(Input.UiLocales),
        };
        return Redirect(Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(discovery.AuthorizationEndpoint,
            parameters.Where(parameter => parameter.Value is not null)));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
