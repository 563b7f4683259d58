namespace IdpSmsReset.Core.Devices;

/// <summary>What a typed user code stands for, read before OpenIddict is shown the code.</summary>
public enum UserCodeState
{
    /// <summary>A device waits for this code's decision: the only state OpenIddict may be shown the code in.</summary>
    Pending,

    /// <summary>Someone allowed the device already; the device has, or will get, its tokens.</summary>
    Approved,

    /// <summary>Someone denied the device already.</summary>
    Denied,

    /// <summary>The code was real but is past its lifetime or was revoked.</summary>
    Expired,

    /// <summary>No device ever had this code: a mistyped or guessed code, counted against the address.</summary>
    Wrong,

    /// <summary>The address typed too many wrong codes this hour: the code was not looked up.</summary>
    AddressOverBudget,
}
