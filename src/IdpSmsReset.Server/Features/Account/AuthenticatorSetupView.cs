using IdpSmsReset.Core.Mfa;
using IdpSmsReset.Core.Users;
using IdpSmsReset.Server.Hosting;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Server.Features.Account;

/// <summary>An authenticator enrolment as the page shows it: the QR code, the secret for typing in, the sealed form field.</summary>
public sealed record AuthenticatorSetupView(string QrCodeDataUrl, string Secret, string SealedSecret, string? Problem);
