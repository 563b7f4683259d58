namespace IdpSmsReset.Core.Devices;

/// <summary>A user code typed on the verification page that named no pending device request.</summary>
public sealed class WrongUserCode
{
    public Guid Id { get; set; }

    public string? ClientNetwork { get; set; }

    public DateTime EnteredAt { get; set; }
}
