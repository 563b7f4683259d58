using IdpSmsReset.Core.Recovery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdpSmsReset.Server.Features.Account.ForgotPassword;

/// <summary>The code from the SMS, with a new code on request once the cooldown has passed.</summary>
public sealed class ResetCodeModel(
    ResetFlowCookie cookie, PasswordResetStarter starter, PasswordResetService resets, AccountMessages messages, TimeProvider time)
    : PageModel
{
    public const string Sent =
        "If the account can be reset by SMS, a code is on its way to the phone number on it. It can take a minute to arrive.";
    public const string NewCodeSent = "A new code is on its way. Only the newest code works.";
    public const string EnterCode = "Enter the code from the text message.";

    [BindProperty]
    public string? Code { get; set; }

    public DateTimeOffset? NextCodeAt { get; private set; }

    public string? Notice { get; private set; }

    /// <summary>Set once the flow is locked: only starting again helps.</summary>
    public string? Over { get; private set; }

    /// <param name="flow">An administrator's reset link: the first browser to open it makes the flow its own.</param>
    public async Task<IActionResult> OnGetAsync(string? flow)
    {
        if (flow is not null)
        {
            if (!Guid.TryParseExact(flow, "n", out var flowId) || await starter.ClaimAsync(flowId,
                HttpContext.RequestAborted) is not { } browserKey)
            {
                return MethodModel.StartOver(this);
            }

            ResetFlowCookie.Write(HttpContext, flowId, browserKey, time.GetUtcNow().UtcDateTime.AddDays(1));
            return RedirectToPage();
        }

        var current = await cookie.ReadAsync(HttpContext);
        if (current is null)
        {
            return MethodModel.StartOver(this);
        }

        Show(current, Sent);
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync()
    {
        var flow = await cookie.ReadAsync(HttpContext);
        if (flow is null)
        {
            return MethodModel.StartOver(this);
        }

        NextCodeAt = resets.NextCodeAt(flow);
        if (string.IsNullOrWhiteSpace(Code))
        {
            ModelState.AddModelError(nameof(Code), EnterCode);
            return Page();
        }

        var check = await resets.CheckCodeAsync(flow, Code, HttpContext.Connection.RemoteIpAddress?.ToString(), HttpContext.RequestAborted);
        switch (check.Check)
        {
            case ResetCodeVerdict.Accepted:
                return RedirectToPage("/Account/ForgotPassword/NewPassword");
            case ResetCodeVerdict.Locked or ResetCodeVerdict.FlowOver:
                // The cookie stays: a request of this browser that got the code through first is still on its way.
                Over = messages.ResetCode(check);
                return Page();
            default:
                ModelState.AddModelError(nameof(Code), messages.ResetCode(check));
                return Page();
        }
    }

    public async Task<IActionResult> OnPostSendAsync()
    {
        var flow = await cookie.ReadAsync(HttpContext);
        if (flow is null)
        {
            return MethodModel.StartOver(this);
        }

        var (result, retryAt) = await resets.RequestCodeAsync(flow, HttpContext.RequestAborted);
        switch (result)
        {
            case CodeRequest.FlowOver:
                Over = MethodModel.StartAgain;
                break;
            case CodeRequest.CoolingDown:
                NextCodeAt = retryAt;
                Notice = messages.TooSoonForNewCode(retryAt);
                break;
            default:
                NextCodeAt = retryAt;
                Notice = NewCodeSent;
                break;
        }

        return Page();
    }

    private void Show(PasswordResetFlow flow, string notice)
    {
        NextCodeAt = resets.NextCodeAt(flow);
        Notice = notice;
        if (flow.State == PasswordResetState.Locked)
        {
            Over = messages.ResetCode(new ResetCodeResult(ResetCodeVerdict.Locked));
        }
    }
}
