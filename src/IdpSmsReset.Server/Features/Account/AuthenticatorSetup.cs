using IdpSmsReset.Core.Mfa;
using IdpSmsReset.Core.Users;
using IdpSmsReset.Server.Hosting;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Server.Features.Account;

/// <summary>Starts or resumes an authenticator enrolment for a page, and completes it with the code the user typed.</summary>
public sealed class AuthenticatorSetup(AuthenticatorService authenticator, IOptions<IdpOptions> idp)
{
    public const string Expired = "The setup took too long and has been renewed. Scan the new QR code and enter its code.";
    public const string WrongCode = "That code is not correct. Enter the current code your authenticator app shows.";
    public const string EnterCode = "Enter the 6-digit code your authenticator app shows.";

    public AuthenticatorSetupView Begin(ApplicationUser user, string? problem = null) => View(user, authenticator.Begin(), problem);

    /// <summary>The same setup again (the form failed for another reason), or a new one once it expired.</summary>
    public AuthenticatorSetupView Resume(ApplicationUser user, AuthenticatorSetupInput input) =>
        authenticator.Resume(input.SealedSecret) is { } enrolment ? View(user, enrolment, null) : Begin(user, Expired);

    /// <summary>Stores the app when the code matches; otherwise returns the setup to show again, with what went wrong.</summary>
    public async Task<AuthenticatorSetupView?> CompleteAsync(ApplicationUser user, AuthenticatorSetupInput input,
        CancellationToken cancellationToken)
    {
        var enrolment = authenticator.Resume(input.SealedSecret);
        if (enrolment is null)
        {
            return Begin(user, Expired);
        }

        if (string.IsNullOrWhiteSpace(input.Code))
        {
            return View(user, enrolment, EnterCode);
        }

        return await authenticator.CompleteAsync(user.Id, enrolment, input.Code, cancellationToken) ? null : View(user, enrolment,
            WrongCode);
    }

    private AuthenticatorSetupView View(ApplicationUser user, AuthenticatorEnrolment enrolment, string? problem)
    {
        var uri = AuthenticatorService.ProvisioningUri(idp.Value.IssuerUri.Host, user.UserName ?? user.Id, enrolment.Secret);
        return new AuthenticatorSetupView(QrCodeImage.DataUrlOf(uri), Grouped(enrolment.Secret), enrolment.SealedSecret, problem);
    }

    // Typed by hand from the screen when the QR code cannot be scanned: groups of four are easier to copy.
    private static string Grouped(string secret) => string.Join(' ', secret.Chunk(4).Select(group => new string(group)));
}

/// <summary>An authenticator enrolment as the page shows it: the QR code, the secret for typing in, the sealed form field.</summary>
public sealed record AuthenticatorSetupView(string QrCodeDataUrl, string Secret, string SealedSecret, string? Problem);
