using System.ComponentModel.DataAnnotations;
using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Server.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Server.Features.Dev.Sms;

/// <summary>
/// <c>/dev/sms</c>: what the Development sandbox "delivered", newest first, and a form that sends a message through
/// the real path (outbox, job, Twilio client). Not found outside the sandbox.
/// </summary>
public sealed class SmsInboxModel(SmsSandbox sandbox, IOptions<SmsSandboxOptions> options, SmsOutbox outbox) : PageModel
{
    public IReadOnlyList<SandboxMessage> Messages { get; private set; } = [];

    [BindProperty]
    public TestMessageInput Input { get; set; } = new();

    public string? Notice { get; private set; }

    public IActionResult OnGet(string? queued)
    {
        if (!options.Value.IsActive)
        {
            return NotFound();
        }

        Notice = queued is null ? null : "Queued: it appears here once the job has sent it (reload in a moment).";
        Messages = sandbox.Messages;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.IsActive)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var result = await outbox.EnqueueAsync(Input.To!, SmsPurposes.Test, Input.Body!, TimeSpan.FromMinutes(10), cancellationToken);
            if (result.MessageId is not null)
            {
                return RedirectToPage(new { queued = 1 });
            }

            ModelState.AddModelError("Input.To", result.Problem!.English);
        }

        Messages = sandbox.Messages;
        return Page();
    }
}

public sealed class TestMessageInput
{
    [Required(ErrorMessage = "Enter a phone number in international form, such as +14155550100.")]
    [Display(Name = "To")]
    public string? To { get; set; } = "+14155550100";

    [Required(ErrorMessage = "Enter the text to send.")]
    [StringLength(480, ErrorMessage = "Keep it under 480 characters.")]
    public string? Body { get; set; } = "Hello from the IdpSmsReset sandbox";
}
