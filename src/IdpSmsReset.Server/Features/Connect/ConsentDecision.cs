namespace IdpSmsReset.Server.Features.Connect;

/// <summary>The consent page's answer, posted back to the authorization endpoint with an anti-forgery token.</summary>
internal static class ConsentDecision
{
    public const string FieldName = "consent_decision";
    public const string Accept = "accept";
    public const string Deny = "deny";
}
