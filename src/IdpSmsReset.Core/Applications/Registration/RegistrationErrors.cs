namespace IdpSmsReset.Core.Applications.Registration;

/// <summary>The error codes of RFC 7591 §3.2.2 (and RFC 6750's for a bad token), said once.</summary>
public static class RegistrationErrors
{
    public const string InvalidRedirectUri = "invalid_redirect_uri";

    public const string InvalidClientMetadata = "invalid_client_metadata";

    /// <summary>RFC 6750 §3.1: a missing, unknown, expired or used initial access or registration access token.</summary>
    public const string InvalidToken = "invalid_token";

    /// <summary>Open registration: this address registered its hour's worth (HTTP 429).</summary>
    public const string TooManyRegistrations = "too_many_registrations";
}
