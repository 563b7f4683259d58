namespace IdpSmsReset.Core.Applications.Registration;

/// <summary>The <c>Idp:DynamicClientRegistration</c> section: whether applications may register themselves (RFC 7591).</summary>
public sealed class DynamicClientRegistrationOptions
{
    public const string SectionName = "Idp:DynamicClientRegistration";

    public const string Off = "off";

    /// <summary>Only with an initial access token an administrator issued (the dashboard's Applications page).</summary>
    public const string InitialAccessToken = "initial-access-token";

    /// <summary>Anyone may register, within <see cref="ClientMetadataRules"/>' limits for open registration.</summary>
    public const string Open = "open";

    public static readonly IReadOnlyList<string> Modes = [Off, InitialAccessToken, Open];

    /// <summary>
    /// <c>Idp:DynamicClientRegistration:Mode</c>: <c>off</c> (default: no <c>registration_endpoint</c>),
    /// <c>initial-access-token</c> (a registration must carry a token an administrator issued; any kind of application),
    /// or <c>open</c> (anyone, as MCP clients and AI agents register: public applications only, redirect URIs on https or
    /// this machine's loopback, PKCE, no <c>client_credentials</c>, and <see cref="OpenRegistrationsPerAddressPerHour"/>).
    /// </summary>
    public string Mode { get; set; } = Off;

    /// <summary>
    /// <c>Idp:DynamicClientRegistration:PruneAfter</c>: a registered application that got no token for this long is
    /// deleted by the hourly prune (so open registration cannot fill the table). Default 30 days; 1 hour to 3,650 days.
    /// </summary>
    public TimeSpan PruneAfter { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// <c>Idp:DynamicClientRegistration:OpenRegistrationsPerAddressPerHour</c>: in <c>open</c> mode, registrations one
    /// client address may make in an hour, counted exactly across instances. Default 10; 1 to 10,000.
    /// </summary>
    public int OpenRegistrationsPerAddressPerHour { get; set; } = 10;

    public bool IsOn => Mode != Off;

    public IEnumerable<string> Validate()
    {
        if (!Modes.Contains(Mode))
        {
            yield return $"Idp:DynamicClientRegistration:Mode must be one of {ApplicationVocabulary.Quote(Modes)}; it is '{Mode}'.";
        }

        if (PruneAfter < TimeSpan.FromHours(1) || PruneAfter > TimeSpan.FromDays(3650))
        {
            yield return $"Idp:DynamicClientRegistration:PruneAfter must be between 01:00:00 and 3650.00:00:00; it is {PruneAfter}.";
        }

        if (OpenRegistrationsPerAddressPerHour is < 1 or > 10_000)
        {
            yield return "Idp:DynamicClientRegistration:OpenRegistrationsPerAddressPerHour must be between 1 and 10000.";
        }
    }
}
