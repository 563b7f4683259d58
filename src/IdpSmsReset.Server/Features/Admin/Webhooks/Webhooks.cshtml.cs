using IdpSmsReset.Core.Events;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdpSmsReset.Server.Features.Admin.Webhooks;

/// <summary>The receivers of events (<see cref="WebhookSubscriptions"/>), each with its state.</summary>
public sealed class WebhooksModel(WebhookSubscriptions subscriptions) : PageModel
{
    public IReadOnlyList<WebhookSubscription> Rows { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync() => Rows = await subscriptions.ListAsync(HttpContext.RequestAborted);
}
