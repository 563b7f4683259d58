using IdpSmsReset.Core.Events;
using IdpSmsReset.Server.Features.Shared.Confirmation;
using IdpSmsReset.Server.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdpSmsReset.Server.Features.Admin.Webhooks;

/// <summary>
/// Creates or changes a subscription, and shows its latest deliveries with their attempts, status and last error:
/// "Send again" for an ended one, "Send a test event", a new secret, deletion. A secret the server makes is shown on
/// the answer to the request that made it, and never again (it is not carried in a redirect or a cookie).
/// </summary>
public sealed class EditWebhookModel(WebhookSubscriptions subscriptions, AdminChanges changes,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    private const int DeliveriesShown = 50;

    [BindProperty(SupportsGet = true, Name = "id")]
    public Guid? Id { get; set; }

    [BindProperty]
    public WebhookForm Input { get; set; } = new();

    public bool IsNew => Id is null;

    public WebhookSubscription? Subscription { get; private set; }

    public IReadOnlyList<WebhookDelivery> Deliveries { get; private set; } = [];

    /// <summary>The secret just made, shown on this answer only.</summary>
    public string? NewSecret { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (IsNew)
        {
            return Page();
        }

        if (!await LoadAsync())
        {
            return NotFound();
        }

        Input = WebhookForm.From(Subscription!);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!IsNew && await subscriptions.FindAsync(Id!.Value, HttpContext.RequestAborted) is null)
        {
            return NotFound();
        }

        // A new subscription must not quietly replace one of the same name: without an id, saving is an upsert by name.
        if (IsNew && !string.IsNullOrWhiteSpace(Input.Name)
            && await subscriptions.FindByNameAsync(Input.Name.Trim(), HttpContext.RequestAborted) is not null)
        {
            ModelState.AddModelError("Input.Name", localizer["There is already a webhook named '{0}'.", Input.Name.Trim()]);
            Input.Secret = null;
            return Page();
        }

        var saved = await subscriptions.SaveAsync(Input.ToDefinition(), changes.Current, HttpContext.RequestAborted, Id);
        foreach (var (field, problem) in saved.Result.Problems)
        {
            ModelState.AddModelError(WebhookForm.KeyOf(field), problem);
        }

        // The secret typed is not sent back into the page; the rest of the form stays as typed.
        Input.Secret = null;
        if (!saved.Result.Succeeded)
        {
            if (!IsNew)
            {
                await LoadAsync();
            }

            return Page();
        }

        Id = Guid.Parse(saved.Result.Id!);
        await LoadAsync();
        Notice = null;
        NewSecret = saved.NewSecret;
        ViewData["Saved"] = localizer["The webhook '{0}' was saved.", Subscription!.Name].Value;
        return Page();
    }

    [Confirm("A new secret is made and shown once; the old one stops signing at once, so the receiver refuses deliveries until it " +
        "has the new one.", "Make a new secret")]
    public async Task<IActionResult> OnPostRotateSecretAsync()
    {
        var rotated = await subscriptions.RotateSecretAsync(Id ?? Guid.Empty, changes.Current, HttpContext.RequestAborted);
        if (!rotated.Result.Succeeded || !await LoadAsync())
        {
            return NotFound();
        }

        Input = WebhookForm.From(Subscription!);
        NewSecret = rotated.NewSecret;
        return Page();
    }

    public async Task<IActionResult> OnPostSendTestAsync()
    {
        var sent = await subscriptions.SendTestAsync(Id ?? Guid.Empty, changes.Current, HttpContext.RequestAborted);
        Notice = sent.Succeeded ? localizer["A test event is on its way."].Value : string.Join(" ", sent.Problems.Select(p => p.Problem));
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostRedeliverAsync(long delivery)
    {
        var sent = await subscriptions.RedeliverAsync(Id ?? Guid.Empty, delivery, changes.Current, HttpContext.RequestAborted);
        Notice = sent.Succeeded ? localizer["The delivery will be sent again."].Value
            : string.Join(" ", sent.Problems.Select(p => p.Problem));
        return RedirectToPage(new { id = Id });
    }

    [Confirm("The subscription and its deliveries are deleted: the receiver hears nothing more, pending deliveries included.",
        "Delete the webhook")]
    public async Task<IActionResult> OnPostDeleteAsync()
    {
        var deleted = await subscriptions.DeleteAsync(Id ?? Guid.Empty, changes.Current, HttpContext.RequestAborted);
        if (!deleted.Succeeded)
        {
            return NotFound();
        }

        TempData[nameof(WebhooksModel.Notice)] = localizer["The webhook was deleted."].Value;
        return RedirectToPage("/Admin/Webhooks/Webhooks");
    }

    private async Task<bool> LoadAsync()
    {
        Subscription = await subscriptions.FindAsync(Id ?? Guid.Empty, HttpContext.RequestAborted);
        if (Subscription is null)
        {
            return false;
        }

        Deliveries = await subscriptions.DeliveriesAsync(Subscription.Id, DeliveriesShown, HttpContext.RequestAborted);
        return true;
    }
}

/// <summary>
/// A subscription as the administrator edits it: the events as words separated by spaces. The secret is never shown
/// again; left blank, a new subscription gets one (shown once) and an existing one keeps its own.
/// </summary>
public sealed class WebhookForm
{
    public string? Name { get; set; }

    public string? Url { get; set; }

    public string? Events { get; set; }

    public string? Secret { get; set; }

    public bool IncludePersonalData { get; set; }

    public bool Enabled { get; set; } = true;

    public static WebhookForm From(WebhookSubscription subscription) => new()
    {
        Name = subscription.Name, Url = subscription.Url, Events = subscription.Events,
        IncludePersonalData = subscription.IncludePersonalData, Enabled = subscription.Enabled,
    };

    public WebhookDefinition ToDefinition() => new()
    {
        Name = Name, Url = Url, Events = [.. EventFilter.Split(Events)], Secret = Secret,
        IncludePersonalData = IncludePersonalData, Enabled = Enabled,
    };

    /// <summary>The form field a problem of Core's field names.</summary>
    public static string KeyOf(string field) => "Input." + char.ToUpperInvariant(field[0]) + field[1..];
}
