using System.ComponentModel.DataAnnotations;
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

/// <summary>The authorization request <c>/dev/try</c> sends: what a relying application chooses.</summary>
public sealed class TryInput
{
    [Required(ErrorMessage = "Choose an application to sign in to.")]
    [Display(Name = "Application")]
    public string? ClientId { get; set; }

    /// <summary>Only asked for a confidential application whose secret the demo bootstrap does not hold.</summary>
    [Display(Name = "Client secret")]
    public string? ClientSecret { get; set; }

    [Required(ErrorMessage = "Enter the scopes to ask for, separated by spaces; openid is needed for an ID token.")]
    [RegularExpression(@"^[\x21\x23-\x5B\x5D-\x7E]+( [\x21\x23-\x5B\x5D-\x7E]+)*$",
        ErrorMessage = "Separate scopes by single spaces; a scope has no quotes or backslashes (RFC 6749, section 3.3).")]
    [Display(Name = "Scopes")]
    public string? Scope { get; set; } = "openid profile email offline_access";

    [RegularExpression("^(|none|login|consent)$", ErrorMessage = "Choose one of the listed prompts.")]
    [Display(Name = "Prompt")]
    public string? Prompt { get; set; }

    [StringLength(200, ErrorMessage = "Keep it under 200 characters.")]
    [Display(Name = "acr_values")]
    public string? AcrValues { get; set; }

    [RegularExpression(@"^([A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*( |$))*$",
        ErrorMessage = "Write language tags separated by spaces, such as fr or es-MX en.")]
    [Display(Name = "ui_locales")]
    public string? UiLocales { get; set; }
}
