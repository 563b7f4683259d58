namespace IdpSmsReset.Server.Hosting;

/// <summary>
/// The <c>Idp:Sms:Sandbox</c> section: a Twilio look-alike inside the server, so that every SMS flow works with
/// <c>dotnet run</c> alone. The Twilio client really sends, over HTTP, to <c>{Idp:Issuer}/dev/twilio</c>, which
/// records the message for <c>/dev/sms</c>.
/// </summary>
public sealed class SmsSandboxOptions
{
    public const string SectionName = "Idp:Sms:Sandbox";

    /// <summary>
    /// <c>Idp:Sms:Sandbox:Enabled</c>. Default: on in Development unless <c>Idp:Sms:Twilio:ApiBaseUrl</c> is set; never
    /// allowed outside Development (the start is refused).
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>Resolved at start; read this, not <see cref="Enabled"/>.</summary>
    public bool IsActive { get; internal set; }
}
