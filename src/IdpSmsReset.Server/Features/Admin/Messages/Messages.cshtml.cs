using Microsoft.Extensions.Localization;
using IdpSmsReset.Server.Localization;
using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Messaging;
using Microsoft.AspNetCore.Mvc;

namespace IdpSmsReset.Server.Features.Admin.Messages;

/// <summary>The SMS log: status, Twilio SID, attempts, last error, masked destination; never the text.</summary>
public sealed class MessagesModel(
    AdminLogs logs, MessageAdministration messages, AdminChanges changes, TimeProvider time,
    IStringLocalizer<SharedResource> localizer)
    : FilteredListPage
{
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public IReadOnlyList<OutboundSms> Rows { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task OnGetAsync()
    {
        OutboundSmsStatus? wanted = null;
        if (!string.IsNullOrEmpty(Status))
        {
            if (Enum.TryParse<OutboundSmsStatus>(Status, ignoreCase: true, out var status) && Enum.IsDefined(status))
            {
                wanted = status;
            }
            else
            {
                FilterProblem = localizer["'{0}' is not a message status; the status filter is ignored.", Status];
            }
        }

        var messages = logs.Messages(wanted);
        Rows = await PageOfAsync(WithinDates(messages, sms => sms.CreatedAt).OrderByDescending(sms => sms.CreatedAt));
    }

    /// <summary>Sends a message that failed for good once more, while what it carries is still valid (not expired).</summary>
    public async Task<IActionResult> OnPostRetryAsync(Guid id)
    {
        var retried = await messages.ResendAsync(id, changes.Current, HttpContext.RequestAborted);
        Notice = retried
            ? localizer["The message is queued again."]
            : localizer["Only a failed message that has not expired can be sent again."];
        return RedirectToPage(new { Status, from = FromDate, to = ToDate });
    }
}
