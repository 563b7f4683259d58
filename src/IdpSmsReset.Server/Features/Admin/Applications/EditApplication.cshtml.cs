using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Applications;
using IdpSmsReset.Server.Theming;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdpSmsReset.Server.Features.Admin.Applications;

/// <summary>
/// Creates or edits an OIDC application under <see cref="ApplicationRules"/>, and rotates its secret. A secret is shown
/// once, when made; OpenIddict keeps only its hash.
/// </summary>
public sealed class EditApplicationModel(
    IOpenIddictApplicationManager applications, ApplicationDirectory directory, ThemeCatalog themes, AdminChanges changes) : PageModel
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

        var descriptor = await DescriptorOfAsync(ExistingClientId!);
        if (descriptor is null)
        {
            return NotFound();
        }

        Input = FormOf(descriptor);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        var existing = IsNew ? null : await applications.FindByClientIdAsync(ExistingClientId!, HttpContext.RequestAborted);
        if (!IsNew && existing is null)
        {
            return NotFound();
        }

        var descriptor = new OpenIddictApplicationDescriptor();
        if (existing is not null)
        {
            await applications.PopulateAsync(descriptor, existing, HttpContext.RequestAborted);
            // The client id and the type stay what they are: tokens and secrets depend on them.
            Input.ClientId = descriptor.ClientId;
            Input.Type = ApplicationDescriptorMapper.TypeOf(descriptor);
        }

        var application = Input.ToApplication(secret: null);
        foreach (var (field, problem) in ApplicationRules.Validate(application, requireSecret: false))
        {
            ModelState.AddModelError(ApplicationForm.KeyOf(field), problem);
        }

        if (application.Theme is { } theme && themes.Find(theme) is null)
        {
            ModelState.AddModelError("Input.Theme", $"'{theme}' is not a theme; use {ApplicationVocabulary.Quote(themes.Names)}.");
        }

        if (IsNew && string.IsNullOrWhiteSpace(application.ClientId))
        {
            ModelState.AddModelError("Input.ClientId", "Enter a client ID.");
        }
        else if (IsNew && await applications.FindByClientIdAsync(application.ClientId!, HttpContext.RequestAborted) is not null)
        {
            ModelState.AddModelError("Input.ClientId", $"An application '{application.ClientId}' exists already.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var before = existing is null ? null : Snapshot(descriptor);
        ApplicationDescriptorMapper.Apply(application, descriptor);
        if (existing is null)
        {
            NewSecret = application.Type == ApplicationVocabulary.Confidential ? ApplicationSecrets.New() : null;
            descriptor.ClientSecret = NewSecret;
            await applications.CreateAsync(descriptor, HttpContext.RequestAborted);
            ExistingClientId = application.ClientId;
        }
        else
        {
            await applications.UpdateAsync(existing, descriptor, HttpContext.RequestAborted);
        }

        await directory.RecordChangeAsync(HttpContext.RequestAborted);

        await changes.WriteAsync(existing is null ? AdminEventTypes.ApplicationCreated : AdminEventTypes.ApplicationChanged, null, before,
            Snapshot(descriptor), HttpContext.RequestAborted);
        TempData["Notice"] = $"The application '{application.ClientId}' was saved.";
        return NewSecret is null ? RedirectToPage("/Admin/Applications/Applications") : Page();
    }

    public async Task<IActionResult> OnPostRotateSecretAsync()
    {
        var existing = ExistingClientId is null ? null : await applications.FindByClientIdAsync(ExistingClientId,
            HttpContext.RequestAborted);
        if (existing is null)
        {
            return NotFound();
        }

        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, existing, HttpContext.RequestAborted);
        Input = FormOf(descriptor);
        if (descriptor.ClientType != ClientTypes.Confidential)
        {
            ModelState.AddModelError(string.Empty, "A public application has no secret.");
            return Page();
        }

        NewSecret = ApplicationSecrets.New();
        descriptor.ClientSecret = NewSecret;
        await applications.UpdateAsync(existing, descriptor, HttpContext.RequestAborted);
        await changes.WriteAsync(AdminEventTypes.ApplicationSecretRotated, null, new { clientId = ExistingClientId,
            secret = AdminChanges.Masked },
            new { clientId = ExistingClientId, secret = AdminChanges.Masked }, HttpContext.RequestAborted);
        return Page();
    }

    private async Task<OpenIddictApplicationDescriptor?> DescriptorOfAsync(string clientId)
    {
        if (await applications.FindByClientIdAsync(clientId, HttpContext.RequestAborted) is not { } application)
        {
            return null;
        }

        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, HttpContext.RequestAborted);
        return descriptor;
    }

    private static ApplicationForm FormOf(OpenIddictApplicationDescriptor descriptor) =>
        ApplicationForm.From(ApplicationDescriptorMapper.ToDefinition(descriptor));

    private static object Snapshot(OpenIddictApplicationDescriptor descriptor) => new
    {
        descriptor.ClientId,
        descriptor.DisplayName,
        descriptor.ClientType,
        descriptor.ConsentType,
        RedirectUris = descriptor.RedirectUris.Select(uri => uri.ToString()),
        PostLogoutRedirectUris = descriptor.PostLogoutRedirectUris.Select(uri => uri.ToString()),
        descriptor.Permissions,
    };
}
