using System.ComponentModel.DataAnnotations;
using IdpSmsReset.Core.Messaging.FraudGuard;
using IdpSmsReset.Core.Recovery;
using IdpSmsReset.Server.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdpSmsReset.Server.Features.Account.ForgotPassword;

/// <summary>
/// The first step of "Forgot password?": the name of the account. The answer never says whether it exists. While the SMS
/// fraud guard asks for it, the request carries a proof of work (the page's script solves it; without script, a wait),
/// judged before the name is looked at.
/// </summary>
public sealed class ForgotPasswordModel(
    PasswordResetStarter resets, PasswordResetAvailability availability, ProofOfWork proofs,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const string NotAvailable =
        "Passwords cannot be reset on this page. Contact your administrator, who can reset your password or send you a reset code.";
    public const string TooManyRequests =
        "Too many password resets were started from your network in the last hour. Try again later, or contact your administrator.";
    public const string ProofNeeded =
        "To protect this service from abuse, this request takes a moment. Wait a few seconds, then press Continue again.";
    public const string ProofStale = "This page was open for too long, or was sent before. Press Continue again.";

    [BindProperty]
    public ForgotPasswordInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The challenge this page carries (null: none is needed now).</summary>
    public ProofOfWorkChallenge? Proof { get; private set; }

    public bool Available { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync()
    {
        Available = await availability.IsAvailableAsync(HttpContext.RequestAborted);
        Proof = Available && await proofs.RequiredAsync(HttpContext.RequestAborted) ? proofs.Issue() : null;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Available = await availability.IsAvailableAsync(HttpContext.RequestAborted);
        var proofRequired = Available && await proofs.RequiredAsync(HttpContext.RequestAborted);
        if (!Available || !ModelState.IsValid)
        {
            Proof = proofRequired ? proofs.Issue() : null;
            return Page();
        }

        if (proofRequired)
        {
            var verdict = await proofs.SpendAsync(Input.ProofToken, Input.ProofNonce, HttpContext.RequestAborted);
            if (verdict != ProofOfWorkVerdict.Accepted)
            {
                ModelState.AddModelError(string.Empty, localizer[verdict is ProofOfWorkVerdict.Expired or ProofOfWorkVerdict.Replayed
                    ? ProofStale : ProofNeeded]);
                Proof = proofs.Issue();
                return Page();
            }
        }

        var returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null;
        var (result, flow, browserKey) = await resets.StartAsync(Input.Login!, HttpContext.Connection.RemoteIpAddress?.ToString(),
            returnUrl, HttpContext.RequestAborted);
        if (result == PasswordResetStartOutcome.TooManyFromAddress)
        {
            ModelState.AddModelError(string.Empty, localizer[TooManyRequests]);
            return Page();
        }

        ResetFlowCookie.Write(HttpContext, flow!.Id, browserKey!, flow.ExpiresAt);
        return RedirectToPage("/Account/ForgotPassword/Method");
    }
}

public sealed class ForgotPasswordInput
{
    [Required(ErrorMessage = "Enter your username or email address.")]
    [StringLength(256, ErrorMessage = "A username or email address is at most 256 characters long.")]
    [Display(Name = "Username or email address")]
    public string? Login { get; set; }

    /// <summary>The proof-of-work challenge the page carried, sent back (only while the fraud guard asks for one).</summary>
    public string? ProofToken { get; set; }

    /// <summary>What the page's script found for it; empty from a browser without script.</summary>
    public string? ProofNonce { get; set; }
}
