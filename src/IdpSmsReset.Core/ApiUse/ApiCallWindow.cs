namespace IdpSmsReset.Core.ApiUse;

/// <summary>How many calls one application made to the management API in one minute.</summary>
public sealed class ApiCallWindow
{
    public required string Caller { get; set; }

    public DateTime WindowStart { get; set; }

    public int Calls { get; set; }
}
