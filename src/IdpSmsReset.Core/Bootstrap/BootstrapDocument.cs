namespace IdpSmsReset.Core.Bootstrap;

/// <summary>The declarative bootstrap file: what must exist after start-up. Nothing absent from it is deleted.</summary>
public sealed class BootstrapDocument
{
    public List<BootstrapApplication> Applications { get; init; } = [];

    public List<BootstrapUser> Users { get; init; } = [];

    public List<BootstrapPolicy> Policies { get; init; } = [];

    /// <summary>The SMS factor's Twilio account; absent leaves the stored settings as they are.</summary>
    public BootstrapSmsFactor? SmsFactor { get; init; }
}

public sealed class BootstrapSmsFactor
{
    public string? AccountSid { get; init; }

    public string? AuthToken { get; init; }

    public string? From { get; init; }

    public string? MessagingServiceSid { get; init; }

    public string? PhoneField { get; init; }

    public List<string> AllowedCountries { get; init; } = [];

    public Messaging.SmsFactorInput ToInput() => new(AccountSid, AuthToken, From, MessagingServiceSid, PhoneField, AllowedCountries);
}

public sealed class BootstrapApplication
{
    public string? ClientId { get; init; }

    /// <summary>Set when the application is created only, so that a secret rotated later is not reverted at restart.</summary>
    public string? ClientSecret { get; init; }

    public string? DisplayName { get; init; }

    /// <summary><c>confidential</c> or <c>public</c>.</summary>
    public string? Type { get; init; }

    /// <summary><c>implicit</c> (default) or <c>explicit</c>.</summary>
    public string? Consent { get; init; }

    public List<string> RedirectUris { get; init; } = [];

    public List<string> PostLogoutRedirectUris { get; init; } = [];

    public List<string> GrantTypes { get; init; } = [];

    public List<string> Scopes { get; init; } = [];

    /// <summary>The theme of the hosted pages when signing in to this application; none: the configured default.</summary>
    public string? Theme { get; init; }
}

public sealed class BootstrapUser
{
    public string? UserName { get; init; }

    public string? Email { get; init; }

    public string? DisplayName { get; init; }

    /// <summary>Set when the user is created only, so that a password the user changed is not reverted at restart.</summary>
    public string? Password { get; init; }

    public string? PhoneNumber { get; init; }

    public List<string> Roles { get; init; } = [];

    /// <summary>The name of the user's security policy (in this file or already stored); omitted means the default.</summary>
    public string? Policy { get; init; }

    /// <summary>Custom attributes set (or overwritten) on the user; attributes not listed are kept.</summary>
    public Dictionary<string, string> Attributes { get; init; } = [];
}
