using Microsoft.Extensions.Logging;

namespace IdpSmsReset.Core.Federation;

internal static partial class Log
{
    [LoggerMessage(1201, LogLevel.Information, "User {UserId} signed in through identity provider {Provider}")]
    public static partial void FederatedSignIn(this ILogger logger, string userId, string provider);

    [LoggerMessage(1202, LogLevel.Warning, "Sign-in through identity provider {Provider} refused: {Refusal}")]
    public static partial void FederatedSignInRefused(this ILogger logger, string provider, FederatedRefusal refusal);

    [LoggerMessage(1203, LogLevel.Information, "User {UserId} created at the first sign-in through identity provider {Provider}")]
    public static partial void FederatedUserProvisioned(this ILogger logger, string userId, string provider);
}
