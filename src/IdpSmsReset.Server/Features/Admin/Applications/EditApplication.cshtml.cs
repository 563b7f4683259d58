using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Applications;
using IdpSmsReset.Server.Features.Shared.Confirmation;
using IdpSmsReset.Server.Localization;
using IdpSmsReset.Server.Theming;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdpSmsReset.Server.Features.Admin.Applications;

/// <summary>
/// Creates or edits an OIDC application, and rotates its secret (<see cref="ApplicationAdministration"/>). A secret is
/// shown once, when made; OpenIddict keeps only its hash.
/// </summary>
public sealed class EditApplicationModel(
    ApplicationAdministration administration, ThemeCatalog themes, AdminChanges changes, IStringLocalizer<SharedResource> localizer)
    : PageModel
{
    [BindProperty(SupportsGet = true, Name = "clientId")]
    public string? ExistingClientId { get; set; }

    [BindProperty]
    public ApplicationForm Input { get; set; } = new();

    /// <summary>Set once, right after a secret was made: the only time anyone sees it.</summary>
    public string? NewSecret { get; private set; }

    public bool IsNew => ExistingClientId is null;

    public IEnumerable<string> Themes => themes.Names;

    public async Task<IActionResult> OnGetAsync()
    {
        if (IsNew)
        {
            return Page();
        }

        if (await administration.FindAsync(ExistingClientId!, HttpContext.RequestAborted) is not { } application)
        {
            return NotFound();
        }

        Input = ApplicationForm.From(application);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        var saved = await administration.SaveAsync(
            ExistingClientId, Input.ToApplication(secret: null), [.. themes.Names], changes.Current, HttpContext.RequestAborted);
        if (!IsNew && saved.Problems.Any(p => p.Field == "clientId"))
        {
            return NotFound();
        }

        if (!saved.Succeeded)
        {
            if (!IsNew && await administration.FindAsync(ExistingClientId!, HttpContext.RequestAborted) is { } stored)
            {
                // The client id and the type stay what they are; the form shows them as they are.
                (Input.ClientId, Input.Type) = (stored.ClientId, stored.Type!);
            }

            foreach (var (field, problem) in saved.Problems)
            {
                ModelState.AddModelError(ApplicationForm.KeyOf(field), problem);
            }

            return Page();
        }

        var clientId = IsNew ? Input.ClientId?.Trim() : ExistingClientId;
        TempData["Notice"] = localizer["The application '{0}' was saved.", clientId ?? ""].Value;
        if (saved.NewSecret is null)
        {
            return RedirectToPage("/Admin/Applications/Applications");
        }

        NewSecret = saved.NewSecret;
        ExistingClientId = clientId;
        return Page();
    }

    [Confirm(
        "A new secret is made and shown once; the old secret stops working at once, so the application fails until it has the new one.",
        "Rotate the secret")]
    public async Task<IActionResult> OnPostRotateSecretAsync()
    {
        if (ExistingClientId is null || await administration.FindAsync(ExistingClientId, HttpContext.RequestAborted) is not { } application)
        {
            return NotFound();
        }

        Input = ApplicationForm.From(application);
        var rotated = await administration.RotateSecretAsync(ExistingClientId, changes.Current, HttpContext.RequestAborted);
        foreach (var (_, problem) in rotated.Problems)
        {
            ModelState.AddModelError(string.Empty, problem);
        }

        NewSecret = rotated.NewSecret;
        return Page();
    }
}

/// <summary>An OIDC application as the administrator edits it; URIs one a line. The secret is never part of it.</summary>
public sealed class ApplicationForm
{
    public string? ClientId { get; set; }

    public string? DisplayName { get; set; }

    public string Type { get; set; } = ApplicationVocabulary.Confidential;

    public string Consent { get; set; } = ApplicationVocabulary.ImplicitConsent;

    public string? RedirectUris { get; set; }

    public string? PostLogoutRedirectUris { get; set; }

    public List<string> GrantTypes { get; set; } = [];

    public List<string> Scopes { get; set; } = [];

    /// <summary>A theme folder's name; blank for the configured default.</summary>
    public string? Theme { get; set; }

    public string? BackchannelLogoutUri { get; set; }

    public bool BackchannelLogoutSessionRequired { get; set; }

    /// <summary>Blank: the server's default lifetime. In each lifetime's unit (<see cref="TokenLifetime.Unit"/>).</summary>
    public int? AccessTokenMinutes { get; set; }

    public int? IdentityTokenMinutes { get; set; }

    public int? RefreshTokenHours { get; set; }

    public string RefreshTokenExpiry { get; set; } = ApplicationVocabulary.SlidingExpiry;

    public bool RequirePushedAuthorizationRequests { get; set; }

    /// <summary>The public keys for private_key_jwt, as JSON; blank: the application uses a secret.</summary>
    public string? JsonWebKeySet { get; set; }

    public string? TokenExchangeAudiences { get; set; }

    public ApplicationDefinition ToApplication(string? secret) => new()
    {
        ClientId = ClientId?.Trim(),
        ClientSecret = secret,
        DisplayName = string.IsNullOrWhiteSpace(DisplayName) ? null : DisplayName.Trim(),
        Type = Type,
        Consent = Consent,
        RedirectUris = Lines(RedirectUris),
        PostLogoutRedirectUris = Lines(PostLogoutRedirectUris),
        GrantTypes = [.. GrantTypes],
        Scopes = [.. Scopes],
        Theme = string.IsNullOrWhiteSpace(Theme) ? null : Theme.Trim(),
        BackchannelLogoutUri = string.IsNullOrWhiteSpace(BackchannelLogoutUri) ? null : BackchannelLogoutUri.Trim(),
        BackchannelLogoutSessionRequired = BackchannelLogoutSessionRequired,
        AccessTokenLifetime = TokenLifetimes.AccessToken.FromCount(AccessTokenMinutes),
        IdentityTokenLifetime = TokenLifetimes.IdentityToken.FromCount(IdentityTokenMinutes),
        RefreshTokenLifetime = TokenLifetimes.RefreshToken.FromCount(RefreshTokenHours),
        RefreshTokenExpiry = RefreshTokenExpiry == ApplicationVocabulary.AbsoluteExpiry ? ApplicationVocabulary.AbsoluteExpiry : null,
        RequirePushedAuthorizationRequests = RequirePushedAuthorizationRequests,
        JsonWebKeySet = string.IsNullOrWhiteSpace(JsonWebKeySet) ? null : JsonWebKeySet.Trim(),
        TokenExchangeAudiences = Lines(TokenExchangeAudiences),
    };

    public static ApplicationForm From(ApplicationDefinition application) => new()
    {
        ClientId = application.ClientId,
        DisplayName = application.DisplayName,
        Type = application.Type ?? ApplicationVocabulary.Confidential,
        Consent = application.Consent ?? ApplicationVocabulary.ImplicitConsent,
        RedirectUris = string.Join("\n", application.RedirectUris),
        PostLogoutRedirectUris = string.Join("\n", application.PostLogoutRedirectUris),
        GrantTypes = [.. application.GrantTypes],
        Scopes = [.. application.Scopes],
        Theme = application.Theme,
        BackchannelLogoutUri = application.BackchannelLogoutUri,
        BackchannelLogoutSessionRequired = application.BackchannelLogoutSessionRequired,
        AccessTokenMinutes = TokenLifetimes.AccessToken.CountOf(application.AccessTokenLifetime),
        IdentityTokenMinutes = TokenLifetimes.IdentityToken.CountOf(application.IdentityTokenLifetime),
        RefreshTokenHours = TokenLifetimes.RefreshToken.CountOf(application.RefreshTokenLifetime),
        RefreshTokenExpiry = application.RefreshTokenExpiry ?? ApplicationVocabulary.SlidingExpiry,
        RequirePushedAuthorizationRequests = application.RequirePushedAuthorizationRequests,
        JsonWebKeySet = application.JsonWebKeySet,
        TokenExchangeAudiences = string.Join("\n", application.TokenExchangeAudiences),
    };

    /// <summary>The form field of a rule's field name (<c>redirectUris[0]</c> → <c>Input.RedirectUris</c>).</summary>
    public static string KeyOf(string field) => FormFieldKey.Of(field, "Input.", ShownAs);

    // The form has no secret field: a missing or unwanted secret is about the type chosen.
    private static readonly Dictionary<string, string> ShownAs = new()
    {
        ["clientSecret"] = nameof(Type),
        [TokenLifetimes.AccessToken.Field] = nameof(AccessTokenMinutes),
        [TokenLifetimes.IdentityToken.Field] = nameof(IdentityTokenMinutes),
        [TokenLifetimes.RefreshToken.Field] = nameof(RefreshTokenHours),
        ["requirePushedAuthorizationRequests"] = nameof(GrantTypes),
    };

    private static List<string> Lines(string? text) =>
        [.. (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
