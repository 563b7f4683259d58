using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Federation;
using IdpSmsReset.Server.Hosting;
using IdpSmsReset.Server.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Server.Features.Admin.IdentityProviders;

/// <summary>
/// Creates or changes an identity provider (<see cref="Core.Federation.IdentityProviders"/>, the same command as the
/// bootstrap and the management API). The client secret is stored encrypted and never shown again; a change that
/// leaves it blank keeps it. Every instance follows a change within <c>Idp:Cache:MaxAge</c>.
/// </summary>
public sealed class EditIdentityProviderModel(
    Core.Federation.IdentityProviders providers, PolicyDirectory policies, AdminChanges changes, IOptions<IdpOptions> idp,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "name")]
    public string? ExistingName { get; set; }

    [BindProperty]
    public IdentityProviderForm Input { get; set; } = new();

    public bool IsNew => ExistingName is null;

    /// <summary>A secret is stored: the form's blank secret field keeps it.</summary>
    public bool HasSecret { get; private set; }

    public IReadOnlyList<string> PolicyNames { get; private set; } = [];

    public Uri? RedirectUri => IsNew ? null : IdentityProviderVocabulary.RedirectUriOf(idp.Value.IssuerUri, ExistingName!);

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadPoliciesAsync();
        if (IsNew)
        {
            return Page();
        }

        if (await providers.FindAsync(ExistingName!, HttpContext.RequestAborted) is not { } provider)
        {
            return NotFound();
        }

        Input = IdentityProviderForm.From(await providers.DefinitionOfAsync(provider, HttpContext.RequestAborted));
        HasSecret = provider.ProtectedClientSecret is not null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadPoliciesAsync();
        var existing = IsNew ? null : await providers.FindAsync(ExistingName!, HttpContext.RequestAborted);
        if (!IsNew && existing is null)
        {
            return NotFound();
        }

        // A new provider must not quietly replace one of the same name: saving is an upsert by name.
        var name = ExistingName ?? Input.Name?.Trim() ?? "";
        if (IsNew && await providers.FindAsync(name, HttpContext.RequestAborted) is not null)
        {
            ModelState.AddModelError("Input.Name", localizer["There is already an identity provider named '{0}'.", name]);
            return Page();
        }

        HasSecret = existing?.ProtectedClientSecret is not null;
        var saved = await providers.SaveAsync(Input.ToDefinition(name), changes.Current, HttpContext.RequestAborted);
        foreach (var (field, problem) in saved.Problems)
        {
            ModelState.AddModelError(IdentityProviderForm.KeyOf(field), problem);
        }

        if (!saved.Succeeded)
        {
            // The secret typed is not sent back into the page; the rest of the form stays as typed.
            Input.ClientSecret = null;
            return Page();
        }

        TempData[nameof(IdentityProvidersModel.Notice)] = localizer["The identity provider '{0}' was saved.", name].Value;
        return RedirectToPage("/Admin/IdentityProviders/IdentityProviders");
    }

    private async Task LoadPoliciesAsync() =>
        PolicyNames = [.. (await policies.ListAsync(HttpContext.RequestAborted)).Select(policy => policy.Name)];
}

/// <summary>
/// An identity provider as the administrator edits it: lists as words separated by spaces. The client secret is never
/// shown; left blank, the stored one is kept.
/// </summary>
public sealed class IdentityProviderForm
{
    public string? Name { get; set; }

    public string Type { get; set; } = IdentityProviderVocabulary.OpenIdConnect;

    public string? DisplayName { get; set; }

    public string? Issuer { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string? Scopes { get; set; } = IdentityProviderVocabulary.DefaultScopes;

    public string? UserNameClaim { get; set; }

    public string? EmailClaim { get; set; }

    public string? DisplayNameClaim { get; set; }

    public string? PhoneClaim { get; set; }

    public string? EmailDomains { get; set; }

    public string Provisioning { get; set; } = IdentityProviderVocabulary.Automatic;

    /// <summary>A security policy's name; blank for the default policy.</summary>
    public string? Policy { get; set; }

    public bool TrustUpstreamMfa { get; set; }

    public bool Enabled { get; set; } = true;

    public static IdentityProviderForm From(IdentityProviderDefinition definition) => new()
    {
        Name = definition.Name, Type = definition.Type ?? IdentityProviderVocabulary.OpenIdConnect,
        DisplayName = definition.DisplayName, Issuer = definition.Issuer, ClientId = definition.ClientId,
        Scopes = string.Join(' ', definition.Scopes ?? []), UserNameClaim = definition.Claims?.UserName,
        EmailClaim = definition.Claims?.Email, DisplayNameClaim = definition.Claims?.DisplayName, PhoneClaim = definition.Claims?.Phone,
        EmailDomains = string.Join(' ', definition.EmailDomains ?? []),
        Provisioning = definition.Provisioning ?? IdentityProviderVocabulary.Automatic, Policy = definition.Policy,
        TrustUpstreamMfa = definition.TrustUpstreamMfa, Enabled = definition.Enabled,
    };

    public IdentityProviderDefinition ToDefinition(string name) => new()
    {
        Name = name, Type = Type, DisplayName = DisplayName?.Trim(), Issuer = Issuer?.Trim(), ClientId = ClientId?.Trim(),
        ClientSecret = string.IsNullOrEmpty(ClientSecret) ? null : ClientSecret,
        Scopes = Words(Scopes),
        Claims = new IdentityProviderClaimMapping
        {
            UserName = Blank(UserNameClaim), Email = Blank(EmailClaim), DisplayName = Blank(DisplayNameClaim), Phone = Blank(PhoneClaim),
        },
        EmailDomains = Words(EmailDomains), Provisioning = Provisioning, Policy = Blank(Policy),
        TrustUpstreamMfa = TrustUpstreamMfa, Enabled = Enabled,
    };

    /// <summary>The form field a rule's problem is shown beside (rules name fields as the bootstrap file does).</summary>
    public static string KeyOf(string field) => FormFieldKey.Of(field, "Input.", ShownAs);

    private static readonly Dictionary<string, string> ShownAs = new()
    {
        ["claims.userName"] = nameof(UserNameClaim),
        ["claims.email"] = nameof(EmailClaim),
        ["claims.displayName"] = nameof(DisplayNameClaim),
        ["claims.phone"] = nameof(PhoneClaim),
    };

    private static List<string> Words(string? text) =>
        [.. (text ?? "").Split([' ', ',', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)];

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
