namespace IdpSmsReset.Core.Audit;

/// <summary>How much of a client's address the audit keeps (see <see cref="AuditOptions.Addresses"/>).</summary>
public enum AuditAddressDetail
{
    Full,
    Network,
}
