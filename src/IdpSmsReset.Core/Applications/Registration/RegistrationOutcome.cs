namespace IdpSmsReset.Core.Applications.Registration;

/// <summary>
/// What a registration request gets: the HTTP status RFC 7591 and 7592 give it, and the application's metadata or the
/// refusal.
/// </summary>
public sealed record RegistrationOutcome(int Status, ClientMetadata? Metadata = null, RegistrationRefusal? Refusal = null)
{
    public static RegistrationOutcome NotOffered { get; } = new(404);

    public static RegistrationOutcome Deleted { get; } = new(204);

    public static RegistrationOutcome BadToken(string description) =>
        new(401, Refusal: new RegistrationRefusal(RegistrationErrors.InvalidToken, description));

    public static RegistrationOutcome Refused(RegistrationRefusal refusal) => new(400, Refusal: refusal);
}
